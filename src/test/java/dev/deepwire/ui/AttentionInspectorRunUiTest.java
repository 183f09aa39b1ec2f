package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.training.RunState;
import dev.deepwire.ui.inspect.AttentionInspector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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
 * The attention inspector while a run goes on: it follows the run, a best checkpoint loads, and text typed waits for a
 * pause and gives way on Resume.
 */
@ExtendWith(ApplicationExtension.class)
class AttentionInspectorRunUiTest extends AttentionInspectorUiSetUp {
    @Start
    void start(Stage stage) throws Exception {
        setUp(stage);
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
