package dev.deepwire;

import dev.deepwire.cli.DeepWireCli;
import dev.deepwire.ui.WorkbenchLauncher;

/**
 * Entry point: with no arguments opens the workbench, otherwise runs the command line. A plain class
 * (not a JavaFX Application), so JavaFX starts from the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "error");
        }
        if (args.length == 0) {
            WorkbenchLauncher.launch(args);
            return;
        }
        System.exit(DeepWireCli.execute(args));
    }
}
