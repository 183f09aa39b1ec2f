package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.training.RunState;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A button that greys out while it has the keyboard hands it back to the canvas: JavaFX moved it on to the next
 * button (Redo to Auto-arrange, Stop to Train), and the next Space pressed that one.
 */
@ExtendWith(ApplicationExtension.class)
class FocusHomeUiTest {
    private WorkbenchHarness h;

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "marker.dwproj", 1280, 800);
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    private Node focusOwner() {
        return h.stage.getScene().getFocusOwner();
    }

    private Button toolbarButton(FxRobot robot, String text) {
        return robot.lookup(".tool-bar .button").queryAllAs(Button.class).stream()
                .filter(b -> text.equals(b.getText())).findFirst().orElseThrow();
    }

    @Test
    void redoGreyedOutByItsOwnClickHandsTheKeysToTheCanvasNotToAutoArrange(FxRobot robot) throws Exception {
        robot.interact(() -> h.vm.addBlock("token_input", 40, 40));
        robot.interact(h.vm::undo);
        Button redo = toolbarButton(robot, "Redo");
        assertThat(redo.isDisabled()).isFalse();

        robot.clickOn(redo); // the last redo: Redo greys out under the pointer, with the keyboard
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(redo.isDisabled()).isTrue();
        assertThat(focusOwner()).as("not Auto-arrange, which Space would press").isSameAs(h.window.canvas());
    }

    @Test
    void stopGreyedOutHandsTheKeysToTheCanvasNotToTrain(FxRobot robot) throws Exception {
        Button train = robot.lookup("#train-start").queryButton();
        Button stop = robot.lookup("#train-stop").queryButton();
        robot.clickOn(RealKeys.reveal(robot, train));
        DockBelongsToProjectUiTest.waitFor("the run starts", () -> h.training.phaseProperty().get().busy());
        assertThat(focusOwner()).as("Train greyed out: not Stop, which Space would press").isNotSameAs(stop)
                .isSameAs(h.window.canvas());

        robot.clickOn(RealKeys.reveal(robot, stop));
        DockBelongsToProjectUiTest.waitFor("the run stops", () -> !h.training.phaseProperty().get().busy());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(h.training.phaseProperty().get()).isNotEqualTo(RunState.RUNNING);
        assertThat(focusOwner()).as("not Train, which Space would press").isNotSameAs(train).isSameAs(h.window.canvas());
    }

    /**
     * Paused from the keyboard, → then Space: → means what it means on the canvas (step, or the next block) and the
     * canvas takes the keyboard back, so Space never lands on Stop — it had moved the keyboard from Resume to Stop.
     */
    @Test
    void pausedThenRightThenSpaceNeverStopsTheRun(FxRobot robot) throws Exception {
        Button train = robot.lookup("#train-start").queryButton();
        Button pause = robot.lookup("#train-pause").queryButton();
        Button resume = robot.lookup("#train-resume").queryButton();
        robot.clickOn(RealKeys.reveal(robot, train));
        DockBelongsToProjectUiTest.waitFor("the run starts", () -> h.training.phaseProperty().get() == RunState.RUNNING);
        robot.clickOn(RealKeys.reveal(robot, pause));
        DockBelongsToProjectUiTest.waitFor("the run pauses", () -> h.training.phaseProperty().get() == RunState.PAUSED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(this::focusOwner).get(10, java.util.concurrent.TimeUnit.SECONDS))
                .as("Pause hands the keyboard to Resume").isSameAs(resume);

        robot.press(javafx.scene.input.KeyCode.RIGHT).release(javafx.scene.input.KeyCode.RIGHT);
        robot.press(javafx.scene.input.KeyCode.SPACE).release(javafx.scene.input.KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(h.training.phaseProperty().get()).as("still paused: Space did not press Stop").isEqualTo(RunState.PAUSED);
        assertThat(WaitForAsyncUtils.asyncFx(this::focusOwner).get(10, java.util.concurrent.TimeUnit.SECONDS))
                .as("→ handed the keyboard to the canvas").isSameAs(h.window.canvas());
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        robot.interact(h.training::stop);
        DockBelongsToProjectUiTest.waitFor("the run stops", () -> !h.training.phaseProperty().get().busy());
    }

    @Test
    void theWindowOpensWithTheKeysOnTheCanvasSoSpaceOpensQuickAddNotSave(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focusOwner()).as("the first button, Save, had the keys: Space asked where to save")
                .isNotSameAs(toolbarButton(robot, "Save")).isSameAs(h.window.canvas());

        robot.press(javafx.scene.input.KeyCode.SPACE).release(javafx.scene.input.KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#quick-add-search").tryQuery()).as("quick-add, as the status bar says").isPresent();
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void escInABlocksNameHandsTheKeysBackToTheCanvasKeepingWhatWasTyped(FxRobot robot) throws Exception {
        String id = h.vm.graph().nodes().get(0).id();
        robot.interact(() -> h.vm.select(id, false));
        javafx.scene.control.TextField name = robot.lookup("#inspector-name").queryAs(javafx.scene.control.TextField.class);
        robot.clickOn(RealKeys.reveal(robot, name)).eraseText(name.getText().length()).write("Words in");
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(WaitForAsyncUtils.asyncFx(this::focusOwner).get(10, java.util.concurrent.TimeUnit.SECONDS))
                .as("Esc had left the keys in the field, where Space typed a space").isSameAs(h.window.canvas());
        assertThat(h.vm.graph().require(id).label()).as("what was typed is kept").isEqualTo("Words in");
        robot.press(javafx.scene.input.KeyCode.SPACE).release(javafx.scene.input.KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#quick-add-search").tryQuery()).as("Space on the canvas: quick-add").isPresent();
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void fileNewHandsTheKeysToTheEmptyCanvas(FxRobot robot) {
        Button fit = toolbarButton(robot, "Fit view");
        robot.interact(fit::requestFocus); // as after a click on it
        assertThat(focusOwner()).isSameAs(fit);

        robot.interact(() -> h.window.files().newProject());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(h.vm.graph().nodes()).isEmpty();
        assertThat(focusOwner()).as("not Fit view, which the next Space would press").isSameAs(h.window.canvas());
    }
}
