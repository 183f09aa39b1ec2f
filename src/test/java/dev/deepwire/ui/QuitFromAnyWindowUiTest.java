package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Ctrl+Q quits from a window the workbench opened beside its own (the inspector, Evaluate and Prune), as promised. */
@ExtendWith(ApplicationExtension.class)
class QuitFromAnyWindowUiTest {
    private WorkbenchHarness h;
    private Stage beside;

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "marker.dwproj", 1024, 700);
        OpenWindows.quitFromEveryWindow();
        beside = new Stage();
        beside.initOwner(stage);
        beside.setTitle("Attention inspector");
        beside.setScene(new Scene(new Label("heads"), 300, 200));
        beside.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    @Test
    void ctrlQInAWindowBesideTheWorkbenchQuitsAskingAboutUnsavedWork(FxRobot robot) {
        robot.interact(() -> h.vm.setParam("attn", "heads", 2)); // unsaved work: Quit asks about it
        robot.interact(beside::requestFocus);
        robot.clickOn(beside.getScene().getRoot());
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane ask = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(ask).as("Quit asked about the workbench's unsaved work").isNotNull();
        assertThat(ask.getContentText()).contains("Save the changes to marker.dwproj before quitting DeepWire?");
        Platform.runLater(() -> ((Button) ask.lookupButton(ButtonType.CANCEL)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.stage.isShowing()).as("Cancel quits nothing").isTrue();
        assertThat(beside.isShowing()).isTrue();
    }
}
