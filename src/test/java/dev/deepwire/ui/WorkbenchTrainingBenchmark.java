package dev.deepwire.ui;

import dev.deepwire.training.RunState;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.Node;
import dev.deepwire.model.Project;
import dev.deepwire.training.TrainingEvent;
import dev.deepwire.training.backend.NativeTuning;
import dev.deepwire.ui.training.TrainingViewModel;
import dev.deepwire.worker.RunLauncher;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Training in the workbench, timed (run under a display, e.g. Xvfb): opens a sample in a full workbench
 * window (editor, training dashboard with its charts), opens the attention inspector following training on
 * the first attention block, presses Train for N epochs once the workbench is ready to train, and times the run from its
 * start (its first event) to each validated epoch, as the events reach the window — the span {@code deepwire train}
 * reports after each epoch. Prints one line: {@code workbench_training sample=… epochs=… inspector=… seconds=…
 * started_after_s=… epochs_done_at_s=… status=…}, where started_after_s is from pressing Train to the run's start
 * (the training process compiling the graph and loading the data again).
 * Usage: {@code java -cp … dev.deepwire.ui.WorkbenchTrainingBenchmark sample.dwproj [epochs] [--no-inspector]}.
 */
public final class WorkbenchTrainingBenchmark {
    private static Path file;
    private static int epochs = 4;
    private static boolean inspector = true;

    private WorkbenchTrainingBenchmark() {
    }

    public static void main(String[] args) {
        NativeTuning.prepare();
        file = Path.of(args.length > 0 ? args[0] : "sample-projects/marker.dwproj");
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--no-inspector")) {
                inspector = false;
            } else {
                epochs = Integer.parseInt(args[i]);
            }
        }
        Application.launch(Bench.class, args);
    }

    /** The JavaFX side; a nested class so the plain main above can launch it from the class path. */
    public static final class Bench extends Application {
        private final WorkbenchApp app = new WorkbenchApp();
        private long pressed;
        private volatile long runStarted;
        private final StringBuilder epochTimes = new StringBuilder(); // appended on the thread delivering events

        @Override
        public void start(Stage stage) throws Exception {
            Project project = new ProjectReader().read(file);
            WorkbenchWindow window = app.openWindow(stage, project);
            window.files().fileProperty().set(file.toAbsolutePath()); // runs go beside the project, as when opened
            TrainingViewModel training = WorkbenchInternals.training(window);
            if (inspector) {
                String attention = project.graph().nodes().stream()
                        .filter(n -> n.type().contains("attention")).map(Node::id).findFirst().orElse(null);
                window.openAttentionInspector(stage, attention);
            }
            // Timed as deepwire train times itself: from the run's start (its first event, sent just before its first
            // step) to each validated epoch, as the events reach the window (not when the dashboard next redraws);
            // how long the run took to start after Train was pressed is printed apart (started_after_s).
            RunLauncher inner = training.launcher();
            training.setLauncher((launch, listener) -> inner.start(launch, event -> {
                long now = System.nanoTime();
                if (event instanceof TrainingEvent.RunStarted) {
                    runStarted = now;
                } else if (event instanceof TrainingEvent.EpochCompleted) {
                    epochTimes.append(epochTimes.length() == 0 ? "" : ",")
                            .append(String.format(Locale.ROOT, "%.1f", (now - runStarted) / 1e9));
                }
                listener.onEvent(event);
            }));
            training.phaseProperty().addListener((o, was, now) -> {
                if (now == RunState.RUNNING && pressed == 0) {
                    pressed = System.nanoTime();
                } else if (!now.busy() && pressed != 0) {
                    double seconds = (System.nanoTime() - runStarted) / 1e9;
                    System.out.printf(Locale.ROOT, "workbench_training sample=%s epochs=%d inspector=%s seconds=%.2f "
                                    + "started_after_s=%.2f epochs_done_at_s=%s status=\"%s\"%n", project.name(), epochs,
                            inspector, seconds, (runStarted - pressed) / 1e9, epochTimes, training.statusProperty().get());
                    Platform.runLater(() -> {
                        app.stop();
                        Platform.exit();
                    });
                }
            });
            // Pressing Train once the workbench is ready to train (the backend loaded, the spare training process
            // waiting), as after a user's first look at the window.
            WorkbenchInternals.trainingReady(app).thenRun(() -> Platform.runLater(() -> training.start(project.training().withEpochs(epochs))));
        }
    }
}
