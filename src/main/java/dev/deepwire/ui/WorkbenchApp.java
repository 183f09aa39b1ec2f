package dev.deepwire.ui;

import dev.deepwire.io.ProjectFolders;
import dev.deepwire.io.files.Autosave;
import dev.deepwire.io.files.DefaultSample;
import dev.deepwire.io.files.RecentFiles;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.training.backend.BackendInfo;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.training.TrainingViewModel;
import dev.deepwire.worker.InProcessLauncher;
import dev.deepwire.worker.TrainingProcesses;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/** The workbench application: opens the file named on the command line, or else the default sample. */
public final class WorkbenchApp extends Application {
    private final ExecutorService background = daemon("deepwire-analysis");
    private final ExecutorService work = daemon("deepwire-compile");
    private final ExecutorService trainer = daemon("deepwire-training");
    /**
     * Runs train in a process of their own (the window's drawing and JIT then never compete with the training
     * loop inside one JVM); {@code -Ddeepwire.training=in-process} trains on a thread of this JVM instead. While a
     * run trains, this process yields to it: nice {@code -Ddeepwire.windowNice} (10 unless set) for its threads and
     * {@code -Ddeepwire.windowJitNice} (19 unless set) for its JIT compiler's, because at equal priority they
     * slow the training measurably (ADR 0009 has the figures).
     */
    private final TrainingProcesses processes = new TrainingProcesses(new InProcessLauncher(trainer),
            Integer.getInteger("deepwire.windowNice", 10), Integer.getInteger("deepwire.windowJitNice", 19));
    /**
     * Health measurements and attention captures each take at most this share of a run's training time
     * ({@code -Ddeepwire.observationBudget}, 0.01 unless set; 0: at fixed steps, however long they take).
     */
    private static final double OBSERVATION_BUDGET = observationBudget(System.getProperty("deepwire.observationBudget"));
    private static final boolean IN_PROCESS = "in-process".equals(System.getProperty("deepwire.training"));

    static double observationBudget(String property) {
        try {
            double share = property == null ? 0.01 : Double.parseDouble(property);
            return share >= 0 && share < 1 ? share : 0.01;
        } catch (NumberFormatException e) {
            return 0.01;
        }
    }

    private static ExecutorService daemon(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    private static int windows;
    private static volatile String backend;

    /**
     * Loads the native backend (ND4J, OpenBLAS through JavaCPP) and says which it is. The launcher calls it before
     * JavaFX starts: JavaCPP looks symbols up from inside the dynamic linker's list of libraries, which deadlocks against
     * a library being opened at the same moment on another thread — JavaFX opens its font library while the first
     * window is built, and the workbench hung at start (ADR 0014). Later calls return at once.
     */
    static synchronized String backendDescription() {
        if (backend == null) {
            try {
                backend = BackendInfo.describe();
            } catch (RuntimeException | LinkageError e) {
                backend = "backend failed to load: " + e.getMessage();
            }
        }
        return backend;
    }

    /** {@link #backendDescription()} once it has loaded, else null (it is never loaded from here: see there). */
    static String backendIfLoaded() {
        return backend;
    }

    private static volatile boolean layoutWarm;

    @Override
    public void start(Stage stage) {
        Project project;
        String problem = null;
        List<String> named = getParameters() == null ? List.of() : getParameters().getRaw();
        try {
            project = named.isEmpty() ? DefaultSample.load().project()
                    : Project.untitled();
        } catch (Exception e) {
            project = Project.untitled();
            problem = "Could not open the default sample: " + e.getMessage();
        }
        List<Autosave.Recovered> leftBehind = Autosave.leftBehind(Autosave.defaultDir());
        OpenWindows.quitFromEveryWindow();
        dev.deepwire.ui.controls.FocusReturn.install();
        dev.deepwire.ui.controls.OnScreen.install();
        WorkbenchWindow window = openWindow(stage, project);
        if (!named.isEmpty()) {
            window.files().open(Path.of(named.get(0))); // deepwire FILE.dwproj; an unreadable file is reported by name
            window.canvas().fitWhenLaidOut();
        } else if (problem == null) {
            window.files().sampleOpened(); // the default sample: its name, and that Save asks where
        }
        if (problem != null) {
            Alert error = new Alert(Alert.AlertType.ERROR, problem);
            error.initOwner(stage);
            error.show();
        }
        if (!leftBehind.isEmpty()) {
            offerRecovery(stage, window, leftBehind.get(0));
        }
    }

    /** Opens a workbench window on a project; each window has its own undo history, autosave and runs. */
    WorkbenchWindow openWindow(Stage stage, Project project) {
        EditorViewModel vm = new EditorViewModel(BlockCatalog.standard(), project, background, Platform::runLater);
        Autosave autosave = new Autosave(Autosave.defaultDir(), "session-" + ProcessHandle.current().pid() + "-" + (++windows));
        WorkbenchWindow[] holder = new WorkbenchWindow[1];
        TrainingViewModel training = new TrainingViewModel(vm, work, trainer,
                Platform::runLater, () -> runsFolder(holder[0]));
        if (!IN_PROCESS) {
            training.setLauncher(processes);
        }
        training.setObservationBudget(OBSERVATION_BUDGET);
        training.runs().alsoListIn(unsavedRunsFolder()); // a run started before its project was first saved
        WorkbenchWindow window = new WorkbenchWindow(stage, vm, null, RecentFiles.forUser(), autosave, training);
        window.setNewWindowAction(() -> openWindow(new Stage(),
                Project.untitled()));
        holder[0] = window;
        work.execute(() -> {
            String text = backendDescription(); // loaded before JavaFX by the launcher: at once here
            Platform.runLater(() -> window.showBackend(text));
            if (!layoutWarm) {
                layoutWarm = true;
                EditorViewModel.warmUpAutoArrange(BlockCatalog.standard());
            }
            if (!IN_PROCESS) {
                processes.prestart(); // after this JVM's own start-up work, so the two do not share the cores
            }
        });
        Scene scene = dev.deepwire.ui.controls.WindowSizes.scene(window.root(), 1440, 860);
        Themes.apply(scene, Themes.saved());
        stage.setScene(scene);
        stage.show();
        window.canvas().fitWhenLaidOut(); // the whole sample, notes included, in view at once
        if (Boolean.getBoolean("deepwire.startupProbe") && windows == 1) {
            // Start-up benchmark: how long from JVM launch until the first window is shown and its first
            // frame is laid out (ND4J is still loading in the background then).
            Platform.runLater(() -> System.out.printf(Locale.ROOT, "startup window_shown_ms=%d%n",
                    System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()));
        }
        if (windows == 1) {
            stage.centerOnScreen();
        }
        return window;
    }

    /** After a crash: offers the newest autosaved work back. */
    private static void offerRecovery(Stage stage, WorkbenchWindow window, Autosave.Recovered r) {
        ButtonType restore = new ButtonType("Restore");
        ButtonType discard = new ButtonType("Discard");
        Alert alert = recoveryQuestion(r, restore, discard);
        alert.initOwner(stage);
        dev.deepwire.ui.controls.Dialogs.defaultTo(alert, restore); // Enter keeps the work; Discard deletes it
        var answer = alert.showAndWait();
        if (answer.isPresent() && answer.get() == restore) {
            window.files().restore(r);
        } else if (answer.isPresent()) {
            try {
                Files.deleteIfExists(r.copy());
            } catch (IOException e) {
                // Offered again next time.
            }
        }
    }

    /**
     * The question after a crash: the project's file on a line of its own ({@link dev.deepwire.ui.controls.PathLabels}),
     * where it had wrapped mid-name with the sentence, ")" alone on the next line.
     */
    static Alert recoveryQuestion(Autosave.Recovered r, ButtonType restore, ButtonType discard) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", restore, discard);
        alert.setTitle("Recover unsaved work");
        alert.setHeaderText("Recover unsaved work");
        String before = "DeepWire did not close cleanly last time. Unsaved work on '" + dev.deepwire.limits.ShownName.line(r.project().name()) + "'";
        if (r.original() == null) {
            alert.setContentText(before + " was kept. Restore it?");
            return alert;
        }
        return dev.deepwire.ui.controls.PathLabels.content(alert, before + ", saved as", r.original(),
                "was kept. Restore it?");
    }

    /** Runs go beside the project file, or under ~/.deepwire/runs for a project not saved yet. */
    private static Path runsFolder(WorkbenchWindow window) {
        Path file = window == null ? null : window.files().fileProperty().get();
        return file != null && file.toAbsolutePath().getParent() != null ? ProjectFolders.runs(file)
                : unsavedRunsFolder();
    }

    private static Path unsavedRunsFolder() {
        return Path.of(System.getProperty("user.home"), ".deepwire", "runs");
    }

    @Override
    public void stop() {
        processes.close();
        background.shutdownNow();
        work.shutdownNow();
        trainer.shutdownNow();
    }
}
