package dev.deepwire.ui;

import dev.deepwire.testing.ScratchDirs;
import dev.deepwire.training.RunState;
import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.io.files.Autosave;
import dev.deepwire.io.files.RecentFiles;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.inspect.AttentionInspector;
import dev.deepwire.ui.training.TrainingViewModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
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
 * The attention inspector on a (briefly) trained marker model: maps captured live during training,
 * switching head and example changes the map, the step slider replays captures and marks the loss chart,
 * typed text gets its own map, and the weights export as CSV.
 */
@ExtendWith(ApplicationExtension.class)
class AttentionInspectorUiTest {
    // Daemon threads, left to end with the JVM: a run's last events are drained by the window's timer after the test,
    // and an executor shut down by then rejected them (surfacing as an error in whichever test came next).
    private final ExecutorService work = Executors.newSingleThreadExecutor(AttentionInspectorUiTest::daemon);
    private final ExecutorService trainer = Executors.newSingleThreadExecutor(AttentionInspectorUiTest::daemon);

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "inspector-ui-test");
        t.setDaemon(true);
        return t;
    }
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

    private static float[][] copy(float[][] m) {
        return Arrays.stream(m).map(float[]::clone).toArray(float[][]::new);
    }

    @Test
    void headsExamplesStepsAndTypedTextEachShowTheirOwnVerifiedMap(FxRobot robot) throws Exception {
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return training.phaseProperty().get() == RunState.FINISHED;
        });
        // 2 epochs of 50 steps: captured at step 1, every 20 steps and at the end, on the training thread.
        assertThat(window.attention().snapshots()).extracting(s -> s.step()).contains(1L, 20L, 40L, 100L);
        AttentionInspector inspector =
                WaitForAsyncUtils.asyncFx(() -> window.openAttentionInspector(stage, "attn")).get();
        WaitForAsyncUtils.waitForFxEvents();
        Supplier<float[][]> shown = inspector::shownMap;
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
        robot.clickOn("#inspect-head").clickOn("head 1");
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
            typed.fireEvent(new ActionEvent());
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return !Arrays.deepEquals(shown.get(), last);
        });
        Path csv = dir.resolve("typed.csv");
        robot.interact(() -> {
            try {
                inspector.exportTo(csv, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(Files.readString(csv)).contains("<M>");
        // For slides: what is on show, headed as on screen; with All heads ticked, every head (it wrote the Head box's
        // one map, the mean of heads, under the block's id).
        Path one = dir.resolve("one head.png");
        Path all = dir.resolve("all heads.png");
        Path allCsv = dir.resolve("all heads.csv");
        robot.interact(() -> {
            try {
                inspector.exportTo(one, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        robot.clickOn("#inspect-grid");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            try {
                inspector.exportTo(all, true);
                inspector.exportTo(allCsv, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        int heads = window.attention().snapshots().get(0).heads();
        int across = (int) Math.ceil(Math.sqrt(heads));
        java.awt.image.BufferedImage single = javax.imageio.ImageIO.read(one.toFile());
        java.awt.image.BufferedImage grid = javax.imageio.ImageIO.read(all.toFile());
        assertThat(grid.getWidth()).as("%s heads, %s across", heads, across).isEqualTo(single.getWidth() * across);
        String tables = Files.readString(allCsv);
        for (int h = 0; h < heads; h++) {
            assertThat(tables).contains("· head " + h);
        }
        assertThat(tables).doesNotContain("mean of heads");
        // Closed and opened again, the typed sentence is in its box and its map on show (both had gone)
        robot.interact(() -> inspector.stage().close());
        AttentionInspector again = WaitForAsyncUtils.asyncFx(() -> window.openAttentionInspector(stage, "attn")).get();
        assertThat(again).isNotSameAs(inspector);
        assertThat(robot.lookup("#inspect-typed").queryTextInputControl().getText()).isEqualTo("t3 t4 <M> t9 t5 t6 t7 t8");
        Path reopened = dir.resolve("reopened.csv");
        // its map on show: the keys are the typed tokens (a validation example's had been shown)
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            again.exportTo(reopened, false);
            return Files.readString(reopened).lines().findFirst().orElse("").equals("query\\key,t3,t4,<M>,t9,t5,t6,t7,t8");
        }).get());
    }

    /**
     * Opened before a run, the Head list offers the block's own heads (as its Heads setting says) and the mean: it was
     * empty until a first capture, though the Block list already offered the canvas's block. A changed setting is followed.
     */
    @Test
    void anInspectorOpenedBeforeTrainingOffersTheBlocksHeads(FxRobot robot) throws Exception {
        robot.interact(() -> window.editor().setParam("attn", "heads", 2));
        WaitForAsyncUtils.asyncFx(() -> window.openAttentionInspector(stage, null)).get();
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<Object> head = robot.lookup("#inspect-head").queryAs(ComboBox.class);
        assertThat(WaitForAsyncUtils.asyncFx(() -> head.getItems().stream().map(String::valueOf).toList()).get())
                .containsExactly("mean of heads", "max of heads", "head 0", "head 1");
        assertThat(WaitForAsyncUtils.asyncFx(() -> String.valueOf(head.getValue())).get()).isEqualTo("mean of heads");
    }

    /** A block named with 50,000 emoji: the Block box shows it cut, and the window keeps to its width. */
    @Test
    void aVeryLongBlockNameIsCutInTheBlockBox(FxRobot robot) throws Exception {
        robot.interact(() -> window.editor().rename("attn", "\ud83d\ude00".repeat(50_000)));
        AttentionInspector inspector = WaitForAsyncUtils.asyncFx(() -> window.openAttentionInspector(stage, null)).get();
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<String> block = robot.lookup("#inspect-node").queryAs(ComboBox.class);
        assertThat(WaitForAsyncUtils.asyncFx(() -> block.getConverter().toString("attn").length()).get())
                .as("the name as the box shows it").isLessThan(200);
        assertThat(WaitForAsyncUtils.asyncFx(block::getWidth).get()).as("the box, at most 360 px").isLessThanOrEqualTo(360.0);
        assertThat(WaitForAsyncUtils.asyncFx(() -> inspector.stage().getScene().getRoot().minWidth(-1)).get())
                .as("the inspector's least width, within a 1024 px screen's window").isLessThanOrEqualTo(1024 - 40);
    }

    @Test
    void anInspectorOpenedBeforeTrainingFollowsTheRun(FxRobot robot) throws Exception {
        AttentionInspector inspector =
                WaitForAsyncUtils.asyncFx(() -> window.openAttentionInspector(stage, null)).get();
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<String> block = robot.lookup("#inspect-node").queryAs(ComboBox.class);
        // nothing trained yet, but the canvas's attention block is offered at once (it had opened empty, saying
        // "press Train first", and filled a second after Train), with what to do to see its maps
        assertThat(WaitForAsyncUtils.asyncFx(() -> List.copyOf(block.getItems())).get()).containsExactly("attn");
        assertThat(WaitForAsyncUtils.asyncFx(block::getValue).get()).isEqualTo("attn");
        assertThat(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#inspect-status").queryLabeled().getText()).get())
                .startsWith("No attention captured yet: maps appear every");
        robot.interact(() -> stage.toFront()); // the inspector's window is on top; Train is in the workbench's
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return training.phaseProperty().get() == RunState.FINISHED;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(block.getItems()).containsExactly("attn");
        assertThat(block.getConverter().toString("attn")).as("shown by its name, as on the canvas, not its id")
                .isEqualTo(window.editor().graph().require("attn").label()).isNotEqualTo("attn");
        assertThat(block.getValue()).isEqualTo("attn");
        // Following the run: the last capture (the end of training, step 100) is the one shown.
        assertThat(robot.lookup("#inspect-status").queryLabeled().getText()).startsWith("Verified");
        assertThat(inspector.shownMap()).hasDimensions(8, 8);
        assertThat(robot.lookup(".label").queryAllAs(Label.class))
                .anyMatch(l -> l.getText() != null && l.getText().startsWith("step 100 ("));
        // Each capture is drawn at most once while following (moving its own step slider drew each one twice),
        // fewer when they come faster than the inspector's redraw interval.
        long captures = window.attention().snapshots().stream().filter(s -> s.nodeId().equals("attn")).count();
        assertThat(captures).isGreaterThanOrEqualTo(5);
        assertThat(inspector.mapsShown()).isBetween(1, (int) captures);
        // The run has ended: its model rests, so the Intervene column opens without another click.
        assertThat(robot.lookup("#intervene").query().isDisabled()).isFalse();
    }

    @Test
    void aRunsBestCheckpointCanBeLoadedAndInspected(FxRobot robot) throws Exception {
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return training.phaseProperty().get() == RunState.FINISHED;
        });
        Path best;
        try (var files = Files.walk(dir)) {
            best = files.filter(f -> f.getFileName().toString().equals("best.zip")).findFirst().orElseThrow();
        }
        AttentionInspector inspector = WaitForAsyncUtils.asyncFx(
                () -> window.inspectSavedModel(stage, best)).get().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return inspector.shownMap().length == 8;
        });
        assertThat(window.attention().loadedModel()).isPresent();
        assertThat(window.attention().snapshots()).singleElement().satisfies(s -> assertThat(s.maxError()).isLessThan(1e-4));
        assertThat(robot.lookup("#inspect-status").queryLabeled().getText()).startsWith("Verified");
        // The checkpoint's own step, not "step -1".
        assertThat(window.attention().snapshots().get(0).step()).isPositive();
        assertThat(robot.lookup(".label").queryAllAs(Label.class))
                .anyMatch(l -> l.getText() != null && l.getText().startsWith("step " + window.attention().snapshots().get(0).step() + " ("))
                .noneMatch(l -> l.getText() != null && l.getText().startsWith("step -1"));
        // It opens where the marker's row attends most sharply, and says so.
        WaitForAsyncUtils.waitForFxEvents();
        String focus = robot.lookup("#inspect-focus").queryLabeled().getText();
        assertThat(focus).startsWith("Clearest: example ").contains("'<M>' row");
        @SuppressWarnings("unchecked")
        Spinner<Integer> example = robot.lookup("#inspect-example").queryAs(Spinner.class);
        assertThat(focus).startsWith("Clearest: example " + example.getValue() + ",");
        // All heads: every small map keeps its token labels.
        robot.clickOn("#inspect-grid");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(inspector.headLabelsShown()).isNotEmpty().containsOnly(true);
    }

    private long inspectorWindows() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage st && st.isShowing()
                && "Attention inspector".equals(st.getTitle())).count();
    }

    @Test
    void oneInspectorPerWindowWhichEscAndCloseClose(FxRobot robot) {
        robot.clickOn(window.canvas().localToScreen(window.canvas().getWidth() / 2, 10));
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I,
                KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(inspectorWindows()).isEqualTo(1);
        robot.interact(() -> stage.toFront());
        robot.clickOn(window.canvas().localToScreen(window.canvas().getWidth() - 20, window.canvas().getHeight() / 2));
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I,
                KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(inspectorWindows()).as("a second Ctrl+I brings the same inspector forward").isEqualTo(1);
        robot.clickOn("#inspect-typed").write("Guten Morgen liebe Klasse").type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(inspectorWindows()).isZero();
        robot.interact(() -> window.openAttentionInspector(stage, null));
        assertThat(robot.lookup("#inspect-typed").queryTextInputControl().getText())
                .as("the sentence typed before Esc, there again").isEqualTo("Guten Morgen liebe Klasse");
        robot.clickOn("#inspect-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(inspectorWindows()).isZero();
    }

    /** Opens the inspector, starts a run long enough to pause and waits for its first two captures. */
    private AttentionInspector openInspectorOnALongRun(FxRobot robot) throws Exception {
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

    @Test
    void afterTypedTextResumeFollowsTheRunAgainAndUnknownTokensAreSaid(FxRobot robot) throws Exception {
        AttentionInspector inspector = openInspectorOnALongRun(robot);
        robot.clickOn("#train-pause");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return training.phaseProperty().get() != RunState.RUNNING;
        });
        org.junit.jupiter.api.Assumptions.assumeTrue(training.phaseProperty().get() == RunState.PAUSED,
                "the run finished before it could be paused");
        long pausedAt = window.attention().snapshots().get(window.attention().snapshots().size() - 1).step();
        robot.interact(() -> inspector.stage().toFront());
        robot.clickOn("#inspect-typed").write("t3 hello <M> t9").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup("#inspect-vocab").queryLabeled().getText().startsWith("Not in the vocabulary");
        });
        assertThat(robot.lookup("#inspect-vocab").queryLabeled().getText()).contains("hello").contains("The model knows")
                .contains("<M>");
        CheckBox follow = robot.lookup("#inspect-live").queryAs(CheckBox.class);
        assertThat(follow.isSelected()).as("typed text is not the run").isFalse();
        robot.interact(() -> stage.toFront());
        robot.clickOn("#train-resume");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup(".label").queryAllAs(Label.class).stream()
                    .anyMatch(l -> l.getText() != null && l.getText().matches("step [0-9,]+ \\(.*")
                            && Long.parseLong(l.getText().replaceAll("step ([0-9,]+) .*", "$1").replace(",", "")) > pausedAt);
        });
        assertThat(follow.isSelected()).isTrue();
    }

    @Test
    void textTypedWhileTheRunGoesOnIsSaidToWaitForPauseAndTheBoxIsClearedOnResume(FxRobot robot) throws Exception {
        AttentionInspector inspector = openInspectorOnALongRun(robot);
        robot.interact(() -> inspector.stage().toFront());
        robot.clickOn("#inspect-typed").write("t3 t4 <M> t9").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        String waits = "Typed text is shown when training is paused or has ended \u2014 press Pause";
        assertThat(robot.lookup("#inspect-status").queryLabeled().getText()).isEqualTo(waits);
        int seen = window.attention().snapshots().size();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return window.attention().snapshots().size() > seen + 1 || !training.phaseProperty().get().busy();
        });
        assertThat(robot.lookup("#inspect-status").queryLabeled().getText()).as("later maps do not hide it").isEqualTo(waits);
        robot.interact(() -> stage.toFront());
        robot.clickOn("#train-pause");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return training.phaseProperty().get() != RunState.RUNNING;
        });
        org.junit.jupiter.api.Assumptions.assumeTrue(training.phaseProperty().get() == RunState.PAUSED,
                "the run finished before it could be paused");
        CheckBox follow = robot.lookup("#inspect-live").queryAs(CheckBox.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return !follow.isSelected();
        });
        assertThat(robot.lookup("#inspect-status").queryLabeled().getText()).as("the typed text is shown on Pause")
                .startsWith("Verified");
        robot.interact(() -> stage.toFront());
        robot.clickOn("#train-resume");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return follow.isSelected();
        });
        assertThat(robot.lookup("#inspect-typed").queryTextInputControl().getText()).as("the box agrees with the map").isEmpty();
    }
}
