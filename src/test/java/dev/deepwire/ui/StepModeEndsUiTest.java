package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.deepwire.inspect.walk.Step;
import dev.deepwire.ui.editor.StepOverlay;
import dev.deepwire.ui.step.StepMode;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What keeps step mode going and what ends it — a rename or a move keeps it, an edit of the computation, Resume or
 * another project ends it — and where the keyboard and the drawing are left after it.
 */
@ExtendWith(ApplicationExtension.class)
class StepModeEndsUiTest extends StepModeUiSetUp {
    @Start
    void start(Stage stage) throws Exception {
        setUp(stage);
    }

    /**
     * Stepping from the keyboard after a click on Next: → steps, as on the canvas, and never carries the keyboard
     * along the buttons — Next, →, →, →, Space had reached "Leave step mode" and ended the walk.
     */
    @Test
    void rightOnTheStepButtonsStepsAndNeverReachesLeaveStepMode(FxRobot robot) throws Exception {
        StepMode mode = StepWaits.open(h, stage, zip, robot);
        robot.clickOn("#step-next");
        StepWaits.until(mode, m -> m.index() == 1 && !m.computing());
        for (int i = 0; i < 3; i++) {
            robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        }
        StepWaits.until(mode, m -> m.index() == 4 && !m.computing());
        assertThat(WaitForAsyncUtils.asyncFx(() -> stage.getScene().getFocusOwner()).get(10, TimeUnit.SECONDS))
                .as("→ handed the keyboard to the canvas").isSameAs(window.canvas());
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(mode.walkthrough()).as("Space did not press Leave step mode").isNotNull();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    void leavingStepModeGivesTheKeysBackToTheCanvasNotToTheBlocksName(FxRobot robot) throws Exception {
        // Seen in the real window: after "Leave step mode" the inspector's name field had the focus with its text
        // selected, and F (fit view) renamed the block "f".
        StepMode mode = StepWaits.open(h, stage, zip, robot);
        String shown = window.editor().selection().iterator().next();
        String name = window.editor().graph().require(shown).label();
        assertThat(window.editor().messageProperty().get()).startsWith("Step mode: \u2192 and \u2190 step through");
        robot.clickOn("#step-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(mode.walkthrough()).isNull();
        // the status bar had gone on saying "Step mode: → and ← step through 11 blocks" after step mode was left
        assertThat(window.editor().messageProperty().get()).as("the status bar").isEqualTo("Left step mode");
        assertThat(stage.getScene().getFocusOwner()).isSameAs(window.canvas());
        robot.type(KeyCode.F);
        robot.clickOn("#canvas", javafx.scene.input.MouseButton.MIDDLE); // a click elsewhere: a field being typed in commits
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editor().graph().require(shown).label()).isEqualTo(name);
    }

    @Test
    void aRenameOrAMoveKeepsStepModeGoingAndOnlyAnEditOfTheComputationEndsIt(FxRobot robot) throws Exception {
        // Any edit ended step mode: dragging a block aside to see the wires, renaming the block explained, or an Undo.
        StepMode mode = window.stepMode();
        StepOverlay overlay = window.canvas().stepOverlay();
        WaitForAsyncUtils.asyncFx(() -> window.inspectSavedModel(stage, zip)).get().get(60, TimeUnit.SECONDS);
        robot.interact(mode::toggleFromMenu);
        StepWaits.walked(mode);
        robot.interact(() -> {
            mode.step(1);
            mode.step(1);
        });
        int at = mode.index();
        String shown = mode.walkthrough().steps().get(at).nodeId();
        String name = window.editor().graph().require(shown).label();

        robot.interact(() -> window.editor().rename(shown, "The block we are looking at now"));
        StepWaits.walked(mode);
        assertThat(mode.walkthrough()).as("still in step mode after a rename").isNotNull();
        assertThat(mode.index()).isEqualTo(at);
        assertThat(mode.walkthrough().steps().get(at).label()).isEqualTo("The block we are looking at now");
        robot.interact(window.editor()::undo);
        StepWaits.walked(mode);
        assertThat(mode.walkthrough()).as("still in step mode after Undo of the rename").isNotNull();
        assertThat(mode.walkthrough().steps().get(at).label()).isEqualTo(name);

        var block = window.editor().graph().require(shown);
        double x = block.x() + 400;
        double y = block.y() + 300;
        javafx.geometry.Bounds before = overlay.currentFrame();
        robot.interact(() -> window.editor().moveNodes(Map.of(shown, new double[] {x, y})));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(mode.walkthrough()).as("still in step mode after a move").isNotNull();
        assertThat(overlay.active()).isTrue();
        assertThat(overlay.currentFrame().getMinX() - before.getMinX()).as("the frame went with the block")
                .isCloseTo(400, within(1.0));
        assertThat(overlay.currentFrame().getMinY() - before.getMinY()).isCloseTo(300, within(1.0));

        assertThat(window.editor().graph().require("attn").param("heads")).isNotEqualTo(1);
        robot.interact(() -> window.editor().setParam("attn", "heads", 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(mode.walkthrough()).as("a parameter's edit ends it").isNull();
        assertThat(overlay.active()).isFalse();
        assertThat(window.editor().messageProperty().get()).isEqualTo("Step mode ended: the graph was edited");
    }

    @Test
    void leavingStepModePutsTheDrawingBackWhereItWas(FxRobot robot) throws Exception {
        // Seen in the real window at 1024 x 700 (and so at this harness's size): step mode moves the view so the block
        // explained is above its panel; after Leave step mode the view stayed moved, the top of the graph out of view.
        WaitForAsyncUtils.waitForFxEvents();
        var before = WaitForAsyncUtils.asyncFx(() -> window.canvas().visibleWorldBounds()).get();
        StepMode mode = StepWaits.open(h, stage, zip, robot);
        boolean moved = false;
        for (int i = 0; i < mode.walkthrough().steps().size(); i++) {
            robot.interact(() -> mode.step(1));
            WaitForAsyncUtils.waitForFxEvents();
            var now = WaitForAsyncUtils.asyncFx(() -> window.canvas().visibleWorldBounds()).get();
            moved |= Math.abs(now.getMinY() - before.getMinY()) > 1 || Math.abs(now.getMinX() - before.getMinX()) > 1;
        }
        assertThat(moved).as("step mode moved the view to show a block above its panel").isTrue();
        robot.clickOn("#step-close");
        WaitForAsyncUtils.waitForFxEvents();
        var after = WaitForAsyncUtils.asyncFx(() -> window.canvas().visibleWorldBounds()).get();
        assertThat(after.getMinX()).as("the view's left edge back").isCloseTo(before.getMinX(), within(1.0));
        assertThat(after.getMinY()).as("the view's top edge back").isCloseTo(before.getMinY(), within(1.0));
    }

    @Test
    void resumingAPausedRunEndsAWalkOfItsModel(FxRobot robot) throws Exception {
        // Seen in the real window: Step through on a paused run, then Resume — the walk stayed, showing the paused
        // model's values through the rest of the run and after it finished.
        StepMode mode = window.stepMode();
        robot.interact(() -> training.start(new dev.deepwire.model.TrainingSettings(500, 16, "adam", 1e-3, 42, 0, 0)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> training.phaseProperty().get() == dev.deepwire.training.RunState.RUNNING);
        robot.interact(training::pause);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> training.phaseProperty().get() == dev.deepwire.training.RunState.PAUSED);
        robot.interact(mode::toggleFromMenu);
        StepWaits.walked(mode);
        assertThat(mode.walkthrough()).as("the paused run's model is walked").isNotNull();

        robot.interact(training::resume);
        // the run says it went on when its trainer does (its event read on a later frame)
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> training.phaseProperty().get() != dev.deepwire.training.RunState.PAUSED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(mode.walkthrough()).as("the run went on: the walk no longer describes its model").isNull();
        assertThat(mode.toggle().isSelected()).isFalse();
        assertThat(window.editor().messageProperty().get()).startsWith("Step mode ended: training went on");
    }

    @Test
    void anotherProjectClosesTheWindowsOfTheEarliersModelAndForgetsIt(FxRobot robot) throws Exception {
        // Seen in the real window: after File ▸ New, Evaluate and Prune still showed the earlier project's matrix (its
        // Step through and attention inspector reached into the new project), and a kept model stayed loaded.
        StepMode mode = window.stepMode();
        WaitForAsyncUtils.asyncFx(() -> window.inspectSavedModel(stage, zip)).get().get(60, TimeUnit.SECONDS);
        robot.interact(mode::toggleFromMenu);
        StepWaits.walked(mode);
        robot.interact(() -> dev.deepwire.ui.eval.EvaluationWindow.show(stage, training, (m, v, i) -> { }, (m, v, i) -> { }));
        assertThat(shownTitles()).contains("Evaluate and Prune", "Attention inspector");
        assertThat(window.attention().loadedModel()).isPresent();

        robot.interact(() -> window.files().newProject());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editor().project().name()).isEqualTo("untitled");
        assertThat(shownTitles()).as("the earlier project's windows").doesNotContain("Evaluate and Prune", "Attention inspector");
        assertThat(mode.walkthrough()).isNull();
        assertThat(window.attention().loadedModel()).as("the earlier project's kept model").isEmpty();
        assertThat(window.attention().probeProperty().get()).isNull();
    }
}
