package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.io.files.Autosave;
import dev.deepwire.io.files.RecentFiles;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.testing.ScratchDirs;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.training.RunState;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.training.TrainingViewModel;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A lesson trained, then opened again to present: View ▸ Attention Inspector and Step through, in a window that has
 * trained nothing, show the newest kept run's model, as Runs… ▸ Inspect best model does. The inspector had opened
 * empty, saying "No attention captured yet: maps appear every 20 steps once training runs", and step mode "needs a
 * trained model", with the trained runs beside the project.
 */
@ExtendWith(ApplicationExtension.class)
class AttentionInspectorKeptRunUiTest {
    private final ExecutorService work = Executors.newSingleThreadExecutor(AttentionInspectorKeptRunUiTest::daemon);
    private final ExecutorService trainer = Executors.newSingleThreadExecutor(AttentionInspectorKeptRunUiTest::daemon);
    private final Preferences prefs = Preferences.userRoot().node("dev/deepwire/test-kept-inspect-" + System.nanoTime());
    private Path dir;
    private Stage stage;

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "kept-inspect-ui-test");
        t.setDaemon(true);
        return t;
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = ScratchDirs.create("deepwire-kept-inspect-ui");
    }

    @AfterEach
    void cleanUp() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w != stage).toList()
                .forEach(Window::hide)).get();
        prefs.removeNode();
    }

    /** A window on the small marker project whose runs are kept in {@code dir}, shown in {@code on}. */
    private WorkbenchWindow window(Stage on, TrainingViewModel[] training) throws Exception {
        Project p = SmallMarker.project(Map.of("train", 3200, "validation", 100));
        p.setTraining(p.training().withEpochs(1));
        EditorViewModel vm = new EditorViewModel(BlockCatalog.standard(), p, work, Platform::runLater);
        training[0] = new TrainingViewModel(vm, work, trainer, Platform::runLater, () -> dir);
        WorkbenchWindow w = new WorkbenchWindow(on, vm, null, new RecentFiles(prefs),
                new Autosave(dir.resolve("autosave-" + System.nanoTime()), "k"), training[0]);
        on.setScene(new Scene(w.root(), 1024, 700));
        on.show();
        return w;
    }

    @Test
    void aWindowThatHasTrainedNothingInspectsAndStepsThroughTheNewestKeptRun(FxRobot robot) throws Exception {
        TrainingViewModel[] first = new TrainingViewModel[1];
        WaitForAsyncUtils.asyncFx(() -> window(stage, first)).get();
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return first[0].phaseProperty().get() == RunState.FINISHED;
        });
        WaitForAsyncUtils.asyncFx(() -> first[0].runs().kept()).get().forEach(r -> assertThat(r.dir()).startsWith(dir));

        TrainingViewModel[] again = new TrainingViewModel[1];
        WorkbenchWindow reopened = WaitForAsyncUtils.asyncFx(() -> window(new Stage(), again)).get();
        assertThat(again[0].restingModel()).as("the reopened window has trained nothing").isEmpty();
        WaitForAsyncUtils.asyncFx(() -> reopened.inspectAttention((Stage) reopened.root().getScene().getWindow(), null))
                .get();

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup("#inspect-status").tryQueryAs(Label.class)
                    .map(l -> l.getText() != null && l.getText().startsWith("Verified")).orElse(false);
        });
        assertThat(reopened.attention().loadedModel()).as("the kept run's model").isPresent();

        // Step through, in another window opened on the project: the same run's model, walked block by block (it had
        // said "Step mode needs a trained model: train (or pause a run), or open a kept run's model")
        TrainingViewModel[] third = new TrainingViewModel[1];
        WorkbenchWindow stepping = WaitForAsyncUtils.asyncFx(() -> window(new Stage(), third)).get();
        WaitForAsyncUtils.asyncFx(() -> stepping.stepMode().toggleFromMenu()).get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            String said = stepping.editor().messageProperty().get();
            return said != null && said.startsWith("Step mode: → and ← step through");
        });
        assertThat(stepping.attention().loadedModel()).as("the kept run's model").isPresent();
        assertThat(third[0].restingModel()).as("nothing trained in that window").isEmpty();
    }
}
