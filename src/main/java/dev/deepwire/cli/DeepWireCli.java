package dev.deepwire.cli;

import dev.deepwire.limits.TrainingMemory;
import dev.deepwire.training.backend.TrainingJvm;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.function.IntSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** The {@code deepwire} command and its sub-commands; run with no arguments, DeepWire opens the workbench. */
@Command(name = "deepwire", mixinStandardHelpOptions = true, versionProvider = DeepWireCli.Version.class,
        description = {"Draw neural networks, compile them to DL4J and watch them learn.",
                "With no command, opens the workbench."},
        subcommands = {ValidateCommand.class, TrainCommand.class, BenchCommand.class, InspectCommand.class,
                BlocksCommand.class, ExportCommand.class, ProjectEmbeddingsCommand.class, AblateCommand.class,
                WalkthroughCommand.class, EvaluateCommand.class,
                SweepCommand.class, picocli.CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 invalid project or data, or failed run (including out of memory), "
                + "2 bad arguments or a file that cannot be used, 3 internal error (a bug)."})
public final class DeepWireCli implements Runnable {
    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "let DL4J's own logging and prints through")
    boolean verbose;

    @Override
    public void run() {
        // Reached only as "deepwire" with options but no command: show usage.
        CommandLine.usage(this, Console.rawOut());
    }

    /** Runs the command line and returns the exit code; never throws. */
    public static int execute(String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        Console.claim(verbose);
        CommandLine cli = new CommandLine(new DeepWireCli());
        // A file named @name is a file, not a list of arguments to read (picocli's @-files would print its content).
        cli.setExpandAtFiles(false);
        // Help and usage are ours alone (with picocli's styles on terminals); every other line is made terminal-safe.
        cli.setOut(new PrintWriter(Console.rawOut(), true));
        cli.setErr(new PrintWriter(Console.rawErr(), true));
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof CliException c) {
                Console.err().println("deepwire: " + TerminalSafeStream.oneLine(String.valueOf(c.getMessage())));
                return c.exitCode();
            }
            Console.err().println("deepwire: internal error: " + ex
                    + (verbose ? "" : " (run with --verbose for details)"));
            if (verbose) {
                ex.printStackTrace(Console.err());
            }
            return ExitCodes.INTERNAL;
        });
        cli.setParameterExceptionHandler((ex, parsedArgs) -> {
            String command = ex.getCommandLine().getCommandName().replace("deepwire", "").trim();
            String dashed = java.util.Arrays.stream(args).filter(a -> a.startsWith("-") && a.endsWith(".dwproj"))
                    .findFirst().orElse(null);
            Console.err().println("deepwire: " + TerminalSafeStream.oneLine(String.valueOf(ex.getMessage()))
                    + (dashed == null ? "" : "; a file whose name starts with '-' reads as an option: write it as ./"
                    + TerminalSafeStream.oneLine(dashed))
                    + " (see 'deepwire " + (command.isEmpty() ? "" : command + " ") + "--help')");
            return ExitCodes.BAD_INPUT;
        });
        return guarded(() -> cli.execute(args), verbose);
    }

    /** Runs a command; memory or stack running out becomes one line and exit 1 instead of a stack trace. */
    static int guarded(IntSupplier command, boolean verbose) {
        try {
            return command.getAsInt();
        } catch (OutOfMemoryError | StackOverflowError e) {
            return resourcesExhausted(e, verbose);
        }
    }

    /**
     * Memory or stack ran out (a network or file too large for this machine): one line with advice, exit 1 (the run
     * failed), the stack trace only with {@code --verbose}.
     */
    private static int resourcesExhausted(Error e, boolean verbose) {
        String advice = e instanceof OutOfMemoryError
                ? "ran out of memory (" + (e.getMessage() == null ? "Java heap" : e.getMessage()) + "); use a smaller "
                + "batch size, smaller blocks or less data, or " + (TrainingJvm.isBounded() ? TrainingMemory.raise()
                : "give Java more memory (e.g. JAVA_TOOL_OPTIONS=-Xmx8g)")
                : "ran out of stack space (the project is nested or chained too deeply); simplify it, or give Java a "
                + "larger stack (e.g. JAVA_TOOL_OPTIONS=-Xss64m)";
        Console.err().println("deepwire: " + advice + (verbose ? "" : " (run with --verbose for details)"));
        if (verbose) {
            e.printStackTrace(Console.err());
        }
        return ExitCodes.INVALID;
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = DeepWireCli.class.getPackage().getImplementationVersion();
            return new String[] {"DeepWire " + (v == null ? "development build" : v)
                    + " (DL4J 1.0.0-M2.1, Java " + System.getProperty("java.version") + ")"};
        }
    }
}
