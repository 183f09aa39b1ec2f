package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.training.TrainingViewModel;
import dev.deepwire.testing.SmallMarker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The attention inspector on a (briefly) trained marker model: maps captured live during training,
 * switching head and example changes the map, the step slider replays captures and marks the loss chart,
 * typed text gets its own map, and the weights export as CSV.
 */
@ExtendWith(ApplicationExtension.class)
class AttentionInspectorUiTest {
    private final ExecutorService work = Executors.newSingleThreadExecutor();
    private final ExecutorService trainer = Executors.newSingleThreadExecutor();
    private TrainingViewModel training;
    private WorkbenchWindow window;
    private Stage stage;
    private Preferences prefs;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Project p = SmallMarker.project(Map.of("train", 3200, "validation", 100));
        p.setTraining(p.training().withEpochs(2));
        dir = Files.createTempDirectory("deepwire-inspect-ui");
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
        trainer.shutdown();
        work.shutdown();
        prefs.removeNode();
    }

    private static float[][] copy(float[][] m) {
        return Arrays.stream(m).map(float[]::clone).toArray(float[][]::new);
    }

    @Test
    void headsExamplesStepsAndTypedTextEachShowTheirOwnVerifiedMap(FxRobot robot) throws Exception {
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return training.phaseProperty().get() == TrainingViewModel.Phase.FINISHED;
        });
        // 2 epochs of 50 steps: captured at step 1, every 20 steps and at the end, on the training thread.
        assertThat(window.attention().snapshots()).extracting(s -> s.step()).contains(1L, 20L, 40L, 100L);
        dev.deepwire.ui.inspect.AttentionInspector inspector =
                WaitForAsyncUtils.asyncFx(() -> window.openAttentionInspector(stage, "attn")).get();
        WaitForAsyncUtils.waitForFxEvents();
        java.util.function.Supplier<float[][]> shown = inspector::shownMap;
        float[][] mean = copy(shown.get());
        assertThat(mean).hasDimensions(8, 8);
        for (float[] row : mean) {
            double sum = 0;
            for (float v : row) {
                sum += v;
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
        assertThat(robot.lookup("#inspect-status").queryLabeled().getText()).startsWith("Verified");
        @SuppressWarnings("unchecked")
        ComboBox<String> head = robot.lookup("#inspect-head").queryAs(ComboBox.class);
        robot.interact(() -> head.setValue("head 1"));
        float[][] head1 = copy(shown.get());
        assertThat(head1).isNotEqualTo(mean);
        @SuppressWarnings("unchecked")
        Spinner<Integer> example = robot.lookup("#inspect-example").queryAs(Spinner.class);
        robot.interact(() -> example.getValueFactory().setValue(3));
        assertThat(shown.get()).isNotEqualTo(head1);
        // Replay: the first capture differs from the last, and the loss chart marks its step.
        Slider step = robot.lookup("#inspect-step").queryAs(Slider.class);
        float[][] last = copy(shown.get());
        robot.interact(() -> step.setValue(0));
        assertThat(shown.get()).isNotEqualTo(last);
        assertThat(window.trainingPanelLossMarker()).isEqualTo(1.0);
        // Typed text: its tokens label the axes and it gets a map of its own.
        robot.interact(() -> {
            var typed = robot.lookup("#inspect-typed").queryTextInputControl();
            typed.setText("t3 t4 <M> t9 t5 t6 t7 t8");
            typed.fireEvent(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return !Arrays.deepEquals(shown.get(), last);
        });
        Path csv = dir.resolve("typed.csv");
        robot.interact(() -> {
            try {
                inspector.exportTo(csv, false);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(Files.readString(csv)).contains("<M>");
    }

    @Test
    void anInspectorOpenedBeforeTrainingFollowsTheRun(FxRobot robot) throws Exception {
        dev.deepwire.ui.inspect.AttentionInspector inspector =
                WaitForAsyncUtils.asyncFx(() -> window.openAttentionInspector(stage, null)).get();
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<String> block = robot.lookup("#inspect-node").queryAs(ComboBox.class);
        assertThat(block.getItems()).isEmpty(); // nothing trained yet: no attention blocks known
        robot.interact(() -> stage.toFront()); // the inspector's window is on top; Train is in the workbench's
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return training.phaseProperty().get() == TrainingViewModel.Phase.FINISHED;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(block.getItems()).containsExactly("attn");
        assertThat(block.getValue()).isEqualTo("attn");
        // Following the run: the last capture (the end of training, step 100) is the one shown.
        assertThat(robot.lookup("#inspect-status").queryLabeled().getText()).startsWith("Verified");
        assertThat(inspector.shownMap()).hasDimensions(8, 8);
        assertThat(robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class))
                .anyMatch(l -> l.getText() != null && l.getText().startsWith("step 100 ("));
        // Each capture is drawn at most once while following (moving its own step slider drew each one twice),
        // fewer when they come faster than the inspector's redraw interval.
        long captures = window.attention().snapshots().stream().filter(s -> s.nodeId().equals("attn")).count();
        assertThat(captures).isGreaterThanOrEqualTo(5);
        assertThat(inspector.mapsShown()).isBetween(1, (int) captures);
    }

    @Test
    void aRunsBestCheckpointCanBeLoadedAndInspected(FxRobot robot) throws Exception {
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return training.phaseProperty().get() == TrainingViewModel.Phase.FINISHED;
        });
        Path best;
        try (var files = Files.walk(dir)) {
            best = files.filter(f -> f.getFileName().toString().equals("best.zip")).findFirst().orElseThrow();
        }
        dev.deepwire.ui.inspect.AttentionInspector inspector = WaitForAsyncUtils.asyncFx(
                () -> window.inspectSavedModel(stage, best)).get().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return inspector.shownMap().length == 8;
        });
        assertThat(window.attention().loadedModel()).isPresent();
        assertThat(window.attention().snapshots()).singleElement().satisfies(s -> assertThat(s.maxError()).isLessThan(1e-4));
        assertThat(robot.lookup("#inspect-status").queryLabeled().getText()).startsWith("Verified");
    }
}
