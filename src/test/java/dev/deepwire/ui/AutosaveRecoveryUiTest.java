package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.io.files.Autosave;
import java.nio.file.Files;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
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

/** Recovery is offered only after a crash: Quit with Don't Save, a Save, or New leave no autosave copy behind. */
@ExtendWith(ApplicationExtension.class)
class AutosaveRecoveryUiTest {
    private WorkbenchHarness h;

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "marker.dwproj", 1280, 800);
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    private void changeAndAutosave(FxRobot robot) {
        robot.interact(() -> h.vm.setParam("attn", "heads", 2));
        robot.interact(() -> h.window.files().autosaveNow());
        h.window.files().awaitAutosave();
        assertThat(Files.exists(h.autosave.file())).as("the autosave copy of unsaved work").isTrue();
    }

    private void answer(FxRobot robot, ButtonBar.ButtonData which) {
        DialogPane ask = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        Button b = ask.getButtonTypes().stream().filter(t -> t.getButtonData() == which)
                .map(t -> (Button) ask.lookupButton(t)).findFirst().orElseThrow();
        robot.clickOn(b);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void quitWithDontSaveLeavesNothingToRecover(FxRobot robot) {
        changeAndAutosave(robot);
        robot.clickOn(h.window.canvas(), MouseButton.MIDDLE);
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        answer(robot, ButtonBar.ButtonData.NO);
        assertThat(h.stage.isShowing()).isFalse();
        assertThat(Autosave.leftBehind(h.dir.resolve("autosave"))).as("nothing offered at the next start").isEmpty();
    }

    @Test
    void newWithDontSaveLeavesNothingToRecover(FxRobot robot) {
        changeAndAutosave(robot);
        robot.clickOn(h.window.canvas(), MouseButton.MIDDLE);
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        answer(robot, ButtonBar.ButtonData.NO);
        assertThat(h.vm.project().name()).isEqualTo("untitled");
        assertThat(Autosave.leftBehind(h.dir.resolve("autosave"))).isEmpty();
    }

    @Test
    void aCrashLeavesTheCopyForRecovery(FxRobot robot) {
        changeAndAutosave(robot);
        // The process dies here: no window event, no dialog (its lock goes with it). The copy is what the next start offers.
        h.autosave.abandon();
        assertThat(Autosave.leftBehind(h.dir.resolve("autosave"))).singleElement()
                .satisfies(r -> assertThat(r.project().graph().require("attn").param("heads")).isEqualTo(2));
    }
}
