package dev.deepwire.ui;

import dev.deepwire.testing.ScratchDirs;
import dev.deepwire.io.files.RecentFiles;

import dev.deepwire.io.files.Autosave;

import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.training.TrainingViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * One workbench window for a UI test, on a copy of a sample in a temporary folder, with its own recent-files
 * preferences and autosave folder; analysis and training run on real background threads.
 */
final class WorkbenchHarness {
    final Path dir;
    final Path file;
    final Stage stage;
    final EditorViewModel vm;
    final TrainingViewModel training;
    final WorkbenchWindow window;
    final Autosave autosave;
    final Preferences prefs;
    private final ExecutorService work = Executors.newSingleThreadExecutor();
    private final ExecutorService trainer = Executors.newSingleThreadExecutor();

    WorkbenchHarness(Stage stage, String sample, double width, double height) throws Exception {
        this(stage, copy(sample), null, width, height);
    }

    /** A window on a project made in memory (never saved: no file), e.g. {@code SmallMarker.project(…)}. */
    WorkbenchHarness(Stage stage, Project project, double width, double height) throws Exception {
        this(stage, ScratchDirs.create("deepwire-ui"), project, width, height);
    }

    private static Path copy(String sample) throws Exception {
        Path dir = ScratchDirs.create("deepwire-ui");
        Files.copy(Path.of("sample-projects").resolve(sample), dir.resolve(sample));
        return dir.resolve(sample);
    }

    /** @param at the sample's copy (then {@code project} is null and read from it), or the folder for a project in memory */
    private WorkbenchHarness(Stage stage, Path at, Project project, double width, double height) throws Exception {
        this.stage = stage;
        dir = project == null ? at.getParent() : at;
        file = project == null ? at : null;
        prefs = Preferences.userRoot().node("dev/deepwire/test-ui-" + System.nanoTime());
        Project p = project == null ? new ProjectReader().read(file) : project;
        vm = new EditorViewModel(BlockCatalog.standard(), p, work, Platform::runLater);
        training = new TrainingViewModel(vm, work, trainer, Platform::runLater, () -> dir.resolve("runs"));
        training.data().setRemembered(new dev.deepwire.io.files.DataConsents(dir.resolve("data-consent.tsv")));
        autosave = new Autosave(dir.resolve("autosave"), "test");
        window = new WorkbenchWindow(stage, vm, file, new RecentFiles(prefs), autosave, training);
        Scene scene = new Scene(window.root(), width, height);
        Themes.apply(scene, Themes.DARK);
        stage.setScene(scene);
        stage.show();
    }

    void close() throws Exception {
        org.testfx.util.WaitForAsyncUtils.asyncFx(training::stop).get();
        // a run still going ends first: its end is handled on the executors shut down below
        org.testfx.util.WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> {
            org.testfx.util.WaitForAsyncUtils.asyncFx(training::drain).get();
            return !training.phaseProperty().get().busy();
        });
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            javafx.stage.Window.getWindows().stream().filter(w -> w != stage).toList().forEach(javafx.stage.Window::hide);
            stage.setScene(null); // a note still being written is kept now, while the executors still run
        }).get();
        trainer.shutdown();
        work.shutdown();
        prefs.removeNode();
    }
}
