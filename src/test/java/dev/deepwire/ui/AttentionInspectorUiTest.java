package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.training.RunState;
import dev.deepwire.ui.inspect.AttentionInspector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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
class AttentionInspectorUiTest extends AttentionInspectorUiSetUp {
    @Start
    void start(Stage stage) throws Exception {
        setUp(stage);
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
}
