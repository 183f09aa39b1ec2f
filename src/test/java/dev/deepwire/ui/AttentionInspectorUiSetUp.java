package dev.deepwire.ui;

import dev.deepwire.testing.ScratchDirs;
import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.io.files.Autosave;
import dev.deepwire.io.files.RecentFiles;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.inspect.AttentionInspector;
import dev.deepwire.ui.training.TrainingViewModel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The set-up the attention inspector tests share: the marker sample briefly trained in a workbench window, with its
 * own preferences and folder.
 */
abstract class AttentionInspectorUiSetUp {
    // Daemon threads, left to end with the JVM: a run's last events are drained by the window's timer after the test,
    // and an executor shut down by then rejected them (surfacing as an error in whichever test came next).
    final ExecutorService work = Executors.newSingleThreadExecutor(AttentionInspectorUiSetUp::daemon);
    final ExecutorService trainer = Executors.newSingleThreadExecutor(AttentionInspectorUiSetUp::daemon);

    static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "inspector-ui-test");
        t.setDaemon(true);
        return t;
    }
    TrainingViewModel training;
    WorkbenchWindow window;
    Stage stage;
    Preferences prefs;
    Path dir;

    /** Called by each test class's {@code @Start} (TestFX looks for it on the test class itself). */
    void setUp(Stage stage) throws Exception {
        this.stage = stage;
        Project p = SmallMarker.project(Map.of("train", 3200, "validation", 100));
        p.setTraining(p.training().withEpochs(2));
        dir = ScratchDirs.create("deepwire-inspect-ui");
        prefs = Preferences.userRoot().node("dev/deepwire/test-inspect-" + System.nanoTime());
        EditorViewModel vm = new EditorViewModel(BlockCatalog.standard(), p, work, Platform::runLater);
        training = new TrainingViewModel(vm, work, trainer, Platform::runLater, () -> dir);
        window = new WorkbenchWindow(stage, vm, null, new RecentFiles(prefs), new Autosave(dir.resolve("autosave"), "i"), training);
        stage.setScene(new Scene(window.root(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        WaitForAsyncUtils.asyncFx(training::stop).get();
        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w != stage).toList()
                .forEach(Window::hide)).get();
        prefs.removeNode();
    }

    static float[][] copy(float[][] m) {
        return Arrays.stream(m).map(float[]::clone).toArray(float[][]::new);
    }

    long inspectorWindows() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage st && st.isShowing()
                && "Attention inspector".equals(st.getTitle())).count();
    }

    /** Opens the inspector, starts a run long enough to pause and waits for its first two captures. */
    AttentionInspector openInspectorOnALongRun(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#train-epochs").queryTextInputControl().setText("60")); // long enough to pause
        AttentionInspector inspector =
                WaitForAsyncUtils.asyncFx(() -> window.openAttentionInspector(stage, null)).get();
        robot.interact(() -> stage.toFront());
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return window.attention().snapshots().size() >= 2;
        });
        return inspector;
    }
}
