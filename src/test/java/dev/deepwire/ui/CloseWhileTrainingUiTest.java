package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.training.RunState;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Closing a window while its project trains asks first; Cancel keeps it training, Stop stops the run and closes the
 * window once the run has ended, its folder holding the whole run (run.json with how it ended) — killing the
 * training with the window left a folder with only metrics.csv.
 */
@ExtendWith(ApplicationExtension.class)
class CloseWhileTrainingUiTest {
    private WorkbenchHarness h;

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "marker.dwproj", 1280, 800);
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    private DialogPane askToClose(FxRobot robot) {
        // as the window's close button does; not waited for: the question holds the UI thread until it is answered
        Platform.runLater(() -> h.stage.fireEvent(new WindowEvent(h.stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }

    @Test
    void closingWhileTrainingAsksThenStopsTheRunAndClosesOnceItHasEnded(FxRobot robot) throws Exception {
        robot.clickOn(RealKeys.reveal(robot, robot.lookup("#train-start").query()));
        DockBelongsToProjectUiTest.waitFor("the run trains", () -> h.training.history().trainLoss().size() >= 2);
        DialogPane ask = askToClose(robot);
        assertThat(ask.getHeaderText()).isEqualTo("Training is running");
        assertThat(ask.getContentText()).contains("marker").contains("run folder");
        Platform.runLater(() -> ((Button) ask.lookupButton(ButtonType.CANCEL)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.stage.isShowing()).as("Cancel keeps the window").isTrue();
        assertThat(h.training.phaseProperty().get().busy()).as("and the run").isTrue();

        // paused, the question says so (it had said "Training is running" over a dock that said Paused)
        robot.interact(h.training::pause);
        DockBelongsToProjectUiTest.waitFor("the run pauses", () -> h.training.phaseProperty().get() == RunState.PAUSED);
        DialogPane paused = askToClose(robot);
        assertThat(paused.getHeaderText()).isEqualTo("Training is paused");
        assertThat(paused.getContentText()).startsWith("Close ends the paused training of marker;");
        Platform.runLater(() -> ((Button) paused.lookupButton(ButtonType.CANCEL)).fire());
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane again = askToClose(robot);
        Button stop = again.getButtonTypes().stream().filter(b -> b.getText().equals("Stop Training and Close"))
                .map(b -> (Button) again.lookupButton(b)).findFirst().orElseThrow();
        Path run = h.training.runDir().orElseThrow();
        Platform.runLater(stop::fire);
        DockBelongsToProjectUiTest.waitFor("the window closes", () -> !h.stage.isShowing());
        assertThat(h.training.phaseProperty().get()).isEqualTo(RunState.STOPPED);
        assertThat(run.resolve("run.json")).as("the run's folder holds the whole run").exists();
        assertThat(Files.readString(run.resolve("run.json"))).contains("stopped");
    }
}
