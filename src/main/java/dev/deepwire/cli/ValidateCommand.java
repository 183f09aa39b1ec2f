package dev.deepwire.cli;

import dev.deepwire.compiler.CompileResult;
import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.compiler.ShapeReport;
import dev.deepwire.model.Edge;
import dev.deepwire.training.PreparedRun;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deepwire validate FILE}: checks a project and prints one line per problem. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a project: graph structure, parameters, tensor shapes and its dataset.",
                "Prints one line per problem, 'ERROR <node-id>: <message>' or 'WARN <node-id>: <message>'.",
                "Exit code 0 when valid, 1 when there are errors, 2 when the file cannot be read."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the .dwproj project file")
    Path file;

    @Option(names = "--shapes", description = "also print every wire's tensor shape and each block's parameter count")
    boolean shapes;

    @Option(names = "--no-data", description = "skip loading the dataset")
    boolean noData;

    @picocli.CommandLine.Mixin
    DataAccessOption dataAccess;

    private int rethrown(dev.deepwire.io.ProjectFormatException e) throws CliException {
        throw new CliException(ExitCodes.BAD_INPUT, ProjectSession.named(file, e));
    }

    @Override
    public Integer call() throws CliException {
        PrintStream out = Console.out();
        ProjectSession session;
        try {
            session = ProjectSession.read(file);
        } catch (dev.deepwire.io.ProjectFormatException e) {
            if (!e.invalidContent()) {
                return rethrown(e);
            }
            out.println(TerminalSafeStream.oneLine("ERROR " + e.getMessage())); // as a block's problem is listed
            return ExitCodes.INVALID;
        }
        if (!noData) {
            dataAccess.check(session);
        }
        CompileResult result = session.compile();
        result.issues().forEach(issue -> out.println(TerminalSafeStream.oneLine(issue.toString())));
        session.settingWarnings().forEach(w -> out.println(TerminalSafeStream.oneLine(w)));
        boolean ok = result.ok();
        if (ok && !noData) {
            // The same preparation train starts from: what validate accepts, train starts.
            PreparedRun run = PreparedRun.withData(result.orThrow(), session.project.dataset(), session.project.training(),
                    session.projectDir());
            if (!run.ok()) {
                out.println(TerminalSafeStream.oneLine(run.problem().startsWith("ERROR ") ? run.problem() : "ERROR dataset: " + run.problem()));
                ok = false;
            } else {
                // what loads and may still be wrong: a CSV's header line of only numbers (its first example left out)
                dev.deepwire.data.DatasetLoader.readWarnings(session.project.dataset(), session.projectDir())
                        .forEach(w -> out.println(TerminalSafeStream.oneLine("WARN " + w)));
            }
        }
        if (shapes) {
            printShapes(out, session, result.shapes());
        }
        if (ok) {
            out.printf("valid: %s (%d blocks, %d wires, %,d parameters)%n", TerminalSafeStream.oneLine(session.project.name()),
                    session.project.graph().nodes().size(), session.project.graph().edges().size(),
                    result.network().map(CompiledNetwork::totalParams)
                            .orElse(result.shapes().totalParams()));
        }
        return ok ? ExitCodes.OK : ExitCodes.INVALID;
    }

    private static void printShapes(PrintStream out, ProjectSession session, ShapeReport shapes) {
        for (Edge e : session.project.graph().edges()) {
            out.println("SHAPE " + e.from() + " -> " + e.to() + ": " + shapes.shapeOf(e).map(Object::toString).orElse("?"));
        }
        session.project.graph().nodes().forEach(n -> out.printf("PARAMS %s: %,d%n", n.id(),
                shapes.paramCounts().getOrDefault(n.id(), 0L)));
    }
}
