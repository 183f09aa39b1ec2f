package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.io.ProjectReader;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Training settings are part of the project: a changed field is an undoable command, marks the title, is written
 * by Save without training, and undoing back to the saved state clears the mark; quitting asks while it is dirty.
 */
@ExtendWith(ApplicationExtension.class)
class ProjectSettingsUiTest {
    private WorkbenchHarness h;

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "marker.dwproj", 1280, 800);
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    private void setEpochs(FxRobot robot, String value) {
        robot.doubleClickOn("#train-epochs").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        RealKeys.type(robot, value);
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void epochsChangedThenSavedThenUndoneAndRedoneFollowTheSavedRevision(FxRobot robot) throws Exception {
        int before = h.vm.project().training().epochs();
        assertThat(h.stage.getTitle()).doesNotStartWith("•");
        setEpochs(robot, "7");
        assertThat(h.stage.getTitle()).as("a changed setting is unsaved work").startsWith("• ");
        Button undo = robot.lookup(".tool-bar .button").match(n -> "Undo".equals(((Button) n).getText())).queryButton();
        assertThat(undo.isDisabled()).isFalse();
        assertThat(h.vm.history().undoDescription()).contains("Undo Set epochs to 7");
        shortcut(robot, KeyCode.S);
        assertThat(new ProjectReader().read(h.file).training().epochs()).as("Save writes the setting").isEqualTo(7);
        assertThat(h.stage.getTitle()).doesNotStartWith("•");
        robot.clickOn(h.window.canvas(), MouseButton.MIDDLE);
        shortcut(robot, KeyCode.Z);
        assertThat(robot.lookup("#train-epochs").queryTextInputControl().getText()).isEqualTo(String.valueOf(before));
        assertThat(h.stage.getTitle()).as("undone past the save").startsWith("• ");
        shortcut(robot, KeyCode.Y);
        assertThat(robot.lookup("#train-epochs").queryTextInputControl().getText()).isEqualTo("7");
        assertThat(h.stage.getTitle()).as("back at the saved revision").doesNotStartWith("•");
    }

    @Test
    void aValueTypedButNotLeftIsSavedByCtrlS(FxRobot robot) throws Exception {
        robot.doubleClickOn("#train-batch").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        RealKeys.type(robot, "16");
        shortcut(robot, KeyCode.S);
        assertThat(new ProjectReader().read(h.file).training().batchSize()).isEqualTo(16);
        assertThat(h.stage.getTitle()).doesNotStartWith("•");
    }

    @Test
    void aSettingThatCannotBeUsedMakesTheDockNotReadyAndIsOutlinedUntilMended(FxRobot robot) {
        assertThat(robot.lookup("#train-status").queryLabeled().getText()).startsWith("Ready to train");
        robot.doubleClickOn("#train-epochs").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        RealKeys.type(robot, "three epochs for the lesson please");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#train-status").queryLabeled().getText())
                .as("it had said Ready to train beside the red line").startsWith("Not ready to train")
                .contains("training setting");
        assertThat(robot.lookup("#train-phase").queryLabeled().getText()).as("not 'Ready' beside it").isEqualTo("Not started");
        assertThat(robot.lookup("#train-epochs").query().getStyleClass()).as("the field that cannot be read")
                .contains("invalid");
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.training.phaseProperty().get()).as("Train starts nothing").isEqualTo(dev.deepwire.training.RunState.IDLE);
        robot.doubleClickOn("#train-epochs").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        RealKeys.type(robot, "4");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#train-status").queryLabeled().getText()).startsWith("Ready to train");
        assertThat(robot.lookup("#train-epochs").query().getStyleClass()).doesNotContain("invalid");
    }

    @Test
    void quittingWithAChangedSettingAsks(FxRobot robot) {
        setEpochs(robot, "7");
        shortcut(robot, KeyCode.Q);
        DialogPane ask = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(ask.getHeaderText()).isEqualTo("Unsaved changes");
        robot.interact(() -> ((Button) ask.lookupButton(ButtonType.CANCEL)).fire());
        assertThat(h.stage.isShowing()).isTrue();
    }

    @Test
    void theDatasetBindingIsAnUndoableChange(FxRobot robot) {
        var spec = h.vm.project().dataset();
        robot.interact(() -> h.vm.setDataset(null));
        assertThat(h.stage.getTitle()).startsWith("• ");
        robot.clickOn(h.window.canvas(), MouseButton.MIDDLE);
        shortcut(robot, KeyCode.Z);
        assertThat(h.vm.project().dataset()).isEqualTo(spec);
        assertThat(h.stage.getTitle()).doesNotStartWith("•");
    }
}
