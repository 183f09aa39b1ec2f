package dev.deepwire;

import dev.deepwire.cli.DeepWireCli;
import dev.deepwire.training.backend.BackendChoice;
import dev.deepwire.training.backend.NativeTuning;
import dev.deepwire.training.backend.ParentWatch;
import dev.deepwire.training.backend.TrainingJvm;
import dev.deepwire.ui.WorkbenchLauncher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Entry point: with no arguments (or only a project file) opens the workbench, otherwise runs the command line. A plain class
 * (not a JavaFX Application), so JavaFX starts from the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        NativeTuning.prepare(); // before anything loads ND4J's native libraries
        ParentWatch.startIfAsked(); // a child of a command line that waits for it ends with that command line
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            boolean verbose = Arrays.asList(args).contains("--verbose");
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "error");
        }
        Optional<Path> project = WorkbenchLauncher.projectArgument(args);
        BackendChoice.Backend wanted = args.length == 0 || project.isPresent() ? BackendChoice.preferred() : BackendChoice.fromArgs(args, BackendChoice.Backend.CPU);
        boolean training = args.length > 0 && (args[0].equals("train") || args[0].equals("bench")) && !TrainingJvm.isBounded();
        if (BackendChoice.needsRelaunch(wanted) || training) {
            try {
                // deepwire train runs in a JVM whose memory stays flat over a long run and whose kernels use vector
                // instructions (TrainingJvm); bench times its step there
                System.exit(BackendChoice.runAgain(wanted, training ? TrainingJvm.options() : List.of(),
                        Main.class.getName(), args));
            } catch (IOException | InterruptedException e) {
                System.err.println("deepwire: could not start the " + wanted + " backend (" + e.getMessage() + "); using the CPU");
            }
        }
        if (!BackendChoice.note(wanted).isEmpty()) {
            System.err.println("deepwire: " + BackendChoice.note(wanted));
        }
        if (args.length == 0 || project.isPresent()) {
            // deepwire FILE.dwproj (the desktop's file association) opens the workbench on that file.
            System.exit(WorkbenchLauncher.launchOn(project.orElse(null)));
        }
        System.exit(DeepWireCli.execute(args));
    }
}
