package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.training.RunState;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
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
 * Training from the keyboard: the Training menu's F5 trains (and goes on with a paused run), F6 pauses, Shift+F5
 * stops — before, Train was reached only by tabbing through the dock.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingMenuUiTest {
    private WorkbenchHarness h;

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "marker.dwproj", 1024, 700);
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    private void keys(FxRobot robot, KeyCode... combo) {
        robot.press(combo);
        for (int i = combo.length - 1; i >= 0; i--) {
            robot.release(combo[i]);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private RunState phase() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> h.training.phaseProperty().get()).get();
    }

    private MenuItem first() {
        MenuBar bar = (MenuBar) h.window.root().lookup(".menu-bar");
        Menu training = bar.getMenus().stream().filter(m -> m.getText().equals("_Training")).findFirst().orElseThrow();
        return training.getItems().get(0);
    }

    @Test
    void f5TrainsF6PausesF5GoesOnShiftF5Stops(FxRobot robot) throws Exception {
        robot.clickOn(h.window.canvas(), MouseButton.MIDDLE); // the keys on the canvas, as after opening
        assertThat(first().getText()).isEqualTo("_Train");
        keys(robot, KeyCode.F5);
        DockBelongsToProjectUiTest.waitFor("the run trains", () -> h.training.history().trainLoss().size() >= 2);
        assertThat(phase()).isEqualTo(RunState.RUNNING);

        keys(robot, KeyCode.F6);
        DockBelongsToProjectUiTest.waitFor("paused", () -> h.training.phaseProperty().get() == RunState.PAUSED);
        assertThat(WaitForAsyncUtils.asyncFx(() -> first().getText()).get()).isEqualTo("_Resume");

        keys(robot, KeyCode.F5);
        DockBelongsToProjectUiTest.waitFor("going on", () -> h.training.phaseProperty().get() == RunState.RUNNING);

        keys(robot, KeyCode.SHIFT, KeyCode.F5);
        DockBelongsToProjectUiTest.waitFor("stopped", () -> !h.training.phaseProperty().get().busy());
        assertThat(phase()).isEqualTo(RunState.STOPPED);
        assertThat(WaitForAsyncUtils.asyncFx(() -> first().getText() + " " + first().isDisable()).get())
                .isEqualTo("_Train false");
    }
}
