package dev.deepwire.cli;

import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.CompileResult;
import dev.deepwire.compiler.JavaSourceExport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deepwire export FILE --java OUT.java | --dl4j-json OUT.json}: the designed network for use elsewhere. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a project's network: as Java source that rebuilds it with DL4J's builder (and a main "
                + "that loads the data and trains), or as DL4J's configuration JSON.",
                "Exit code 0 on success, 1 if the project does not compile, 2 for bad arguments or files."})
final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the .dwproj project file")
    Path file;

    @Option(names = "--java", paramLabel = "OUT.java", description = "write Java source here (- for standard output)")
    Path java;

    @Option(names = "--class", paramLabel = "NAME",
            description = "class name of the Java source (default: from OUT.java; DeepWireNetwork for - or a device)")
    String className;

    @Option(names = "--dl4j-json", paramLabel = "OUT.json", description = "write the DL4J ComputationGraphConfiguration JSON here (- for standard output)")
    Path json;

    @Override
    public Integer call() throws CliException {
        if (java == null && json == null) {
            throw new CliException(ExitCodes.BAD_INPUT, "say what to export: --java OUT.java and/or --dl4j-json OUT.json");
        }
        OutputPaths.requireFile(java, "--java");
        OutputPaths.requireFile(json, "--dl4j-json");
        if (Outputs.isStdout(java) && Outputs.isStdout(json)) {
            throw new CliException(ExitCodes.BAD_INPUT, "only one of --java and --dl4j-json can go to standard output (-)");
        }
        // A stream (-, /dev/stdout) or a device (/dev/null) has no file name to take the class name from.
        boolean stream = java != null && (Outputs.isStdout(java) || java.toAbsolutePath().normalize().startsWith("/dev"));
        String name = java == null ? null : className != null ? className
                : stream ? "DeepWireNetwork" : java.getFileName().toString().replaceFirst("\\.java$", "");
        String classProblem = name == null ? null : JavaSourceExport.classNameProblem(name);
        if (classProblem != null) {
            throw new CliException(ExitCodes.BAD_INPUT, classProblem + "; name the class with --class NAME");
        }
        String fileName = java == null || stream ? null : java.getFileName().toString();
        if (className != null && fileName != null && fileName.endsWith(".java") && !fileName.equals(className + ".java")) {
            throw new CliException(ExitCodes.BAD_INPUT, "--class " + className + " does not match " + fileName
                    + " (Java needs a public class in a file of its name); write to " + className
                    + ".java or leave out --class");
        }
        OutputPaths.requireDistinct(java, "--java", json, "--dl4j-json");
        ProjectSession session = ProjectSession.open(file);
        OutputPaths.requireNotInput(java, "--java", session.inputFiles());
        OutputPaths.requireNotInput(json, "--dl4j-json", session.inputFiles());
        CompileResult result = session.compile();
        if (!result.ok()) {
            result.errors().forEach(issue -> Console.err().println(TerminalSafeStream.oneLine(issue.toString())));
            throw new CliException(ExitCodes.INVALID, file + " does not compile; fix the errors above first");
        }
        String source = null;
        if (java != null) {
            try {
                source = JavaSourceExport.generate(result.network().orElseThrow(),
                        CompileOptions.forTraining(session.project.training()), session.project.training(), name, file.toString());
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.BAD_INPUT, e.getMessage() + "; name the class with --class NAME");
            }
        }
        if (json != null) {
            Outputs.write(json, result.network().orElseThrow().configurationJson().getBytes(StandardCharsets.UTF_8));
            Outputs.report(json, java).println("wrote " + (Outputs.isStdout(json) ? "the configuration to standard output" : TerminalSafeStream.path(json)));
        }
        if (java != null) {
            Outputs.write(java, source.getBytes(StandardCharsets.UTF_8));
            Outputs.report(json, java).println("wrote " + (Outputs.isStdout(java) ? "the Java source to standard output" : TerminalSafeStream.path(java))
                    + " (compile and run with deepwire.jar and its lib/ folder on the classpath)");
        }
        return ExitCodes.OK;
    }
}
