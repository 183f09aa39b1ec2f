package dev.deepwire;

import dev.deepwire.cli.DeepWireCli;
import dev.deepwire.training.BackendChoice;
import dev.deepwire.training.NativeTuning;
import dev.deepwire.ui.WorkbenchLauncher;

/**
 * Entry point: with no arguments opens the workbench, otherwise runs the command line. A plain class
 * (not a JavaFX Application), so JavaFX starts from the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        NativeTuning.prepare(); // before anything loads ND4J's native libraries
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "error");
        }
        BackendChoice.Backend wanted = args.length == 0 ? BackendChoice.preferred() : BackendChoice.fromArgs(args, BackendChoice.Backend.CPU);
        if (BackendChoice.needsRelaunch(wanted)) {
            try {
                System.exit(BackendChoice.relaunch(wanted, Main.class.getName(), args, true).waitFor());
            } catch (java.io.IOException | InterruptedException e) {
                System.err.println("deepwire: could not start the " + wanted + " backend (" + e.getMessage() + "); using the CPU");
            }
        }
        if (!BackendChoice.note(wanted).isEmpty()) {
            System.err.println("deepwire: " + BackendChoice.note(wanted));
        }
        if (args.length == 0) {
            openWorkbench(args);
            return;
        }
        System.exit(DeepWireCli.execute(args));
    }

    /** The workbench, or one line saying why it cannot open (no display) and exit 2 instead of a JavaFX trace. */
    private static void openWorkbench(String[] args) {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        if (linux && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
                && !"Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))) {
            System.err.println("deepwire: no display to open the workbench on (neither DISPLAY nor WAYLAND_DISPLAY is "
                    + "set); start it from a desktop session, or use the command line: deepwire --help");
            System.exit(2);
        }
        try {
            WorkbenchLauncher.launch(args);
        } catch (RuntimeException | Error e) {
            System.err.println("deepwire: the workbench could not start: " + e.getMessage()
                    + "; the command line still works: deepwire --help");
            System.exit(2);
        }
    }
}
