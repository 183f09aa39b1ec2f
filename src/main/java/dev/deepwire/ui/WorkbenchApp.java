package dev.deepwire.ui;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.ui.editor.EditorViewModel;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/** The workbench application: opens the default sample (or the file named on the command line). */
public final class WorkbenchApp extends Application {
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "deepwire-analysis");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void start(Stage stage) {
        Project project;
        Path file = null;
        String problem = null;
        try {
            DefaultSample.Loaded loaded = DefaultSample.load();
            project = loaded.project();
            file = loaded.file();
        } catch (Exception e) {
            project = new Project("untitled", "", new Graph(), null, TrainingSettings.defaults());
            problem = "Could not open the default sample: " + e.getMessage();
        }
        EditorViewModel vm = new EditorViewModel(BlockCatalog.standard(), project, background, Platform::runLater);
        Autosave autosave = new Autosave(Autosave.defaultDir(), "session-" + ProcessHandle.current().pid());
        java.util.List<Autosave.Recovered> leftBehind = Autosave.leftBehind(Autosave.defaultDir());
        WorkbenchWindow window = new WorkbenchWindow(stage, vm, file, RecentFiles.forUser(), autosave);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window.root(), Math.min(1440, screen.getWidth() - 40), Math.min(860, screen.getHeight() - 60));
        Themes.apply(scene, Themes.saved());
        stage.setScene(scene);
        stage.show();
        stage.centerOnScreen();
        if (problem != null) {
            new Alert(Alert.AlertType.ERROR, problem).show();
        }
        if (!leftBehind.isEmpty()) {
            offerRecovery(stage, window, leftBehind.get(0));
        }
    }

    /** After a crash: offers the newest autosaved work back. */
    private static void offerRecovery(Stage stage, WorkbenchWindow window, Autosave.Recovered r) {
        javafx.scene.control.ButtonType restore = new javafx.scene.control.ButtonType("Restore");
        javafx.scene.control.ButtonType discard = new javafx.scene.control.ButtonType("Discard");
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "DeepWire did not close cleanly last time. Unsaved work on '"
                + r.project().name() + "'" + (r.original() == null ? "" : " (" + r.original() + ")")
                + " was kept. Restore it?", restore, discard);
        alert.setHeaderText("Recover unsaved work");
        alert.initOwner(stage);
        var answer = alert.showAndWait();
        if (answer.isPresent() && answer.get() == restore) {
            window.files().restore(r);
        } else if (answer.isPresent()) {
            try {
                java.nio.file.Files.deleteIfExists(r.copy());
            } catch (java.io.IOException e) {
                // Offered again next time.
            }
        }
    }

    @Override
    public void stop() {
        background.shutdownNow();
    }
}
