package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.sweep.SweepExecutor;
import dev.deepwire.sweep.SweepOutcome;
import dev.deepwire.sweep.SweepTask;
import dev.deepwire.sweep.SweepTaskBody;
import dev.deepwire.ui.sweep.SweepDialog;
import dev.deepwire.ui.sweep.SweepViewModel;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
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

/**
 * Quit or Close while the window's sweep runs asks first, as for a training run: the sweep had been ended without a
 * word, its runs lost, the resume command never shown.
 */
@ExtendWith(ApplicationExtension.class)
class QuitDuringSweepUiTest {
    private WorkbenchHarness h;
    private SweepViewModel sweep;
    private final CountDownLatch never = new CountDownLatch(1);
    private volatile boolean closed;

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "marker.dwproj", 1024, 700);
        // the window's Sweep… with runs that never end by themselves (the workbench's own runs local processes)
        sweep = new SweepViewModel(h.vm::project, () -> h.file, Platform::runLater, parallel -> new SweepExecutor() {
            @Override
            public String describe() {
                return "the test's thread";
            }

            @Override
            public void run(List<SweepTask> tasks, SweepTaskBody body, Consumer<SweepOutcome> done) throws InterruptedException {
                never.await();
            }

            @Override
            public void close() {
                closed = true;
            }
        });
        stage.getProperties().put(SweepDialog.class, new SweepDialog(sweep, stage));
    }

    @AfterEach
    void cleanUp() throws Exception {
        never.countDown();
        if (h.stage.isShowing()) {
            h.close();
        }
    }

    private DialogPane quit(FxRobot robot) {
        robot.clickOn(h.window.canvas(), MouseButton.MIDDLE);
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }

    private void answer(FxRobot robot, DialogPane pane, ButtonBar.ButtonData which) {
        Button b = pane.getButtonTypes().stream().filter(t -> t.getButtonData() == which)
                .map(t -> (Button) pane.lookupButton(t)).findFirst().orElseThrow();
        robot.clickOn(b);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void quitAsksThenCancelsTheSweepKeepingWhatItCan(FxRobot robot) throws Exception {
        robot.interact(() -> {
            sweep.params().get(0).keyProperty().set("attn.heads");
            sweep.params().get(0).valuesProperty().set("2,4");
            assertThat(sweep.start()).isTrue();
        });
        DialogPane ask = quit(robot);
        assertThat(ask.getHeaderText()).isEqualTo("A sweep is running");
        assertThat(ask.getContentText()).startsWith("Quit cancels the sweep marker-sweep-").contains("(0 of 2 runs done)")
                .contains("deepwire sweep --resume");
        answer(robot, ask, ButtonBar.ButtonData.CANCEL_CLOSE);
        assertThat(h.stage.isShowing()).as("Cancel: nothing closes").isTrue();
        assertThat(sweep.runningProperty().get()).as("and the sweep goes on").isTrue();
        assertThat(closed).isFalse();

        answer(robot, quit(robot), ButtonBar.ButtonData.OK_DONE);
        assertThat(closed).as("the sweep's runs are stopped").isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !h.stage.isShowing());
    }

    @Test
    void closingTheWindowAsksToo(FxRobot robot) throws Exception {
        robot.interact(() -> {
            sweep.params().get(0).keyProperty().set("attn.heads");
            sweep.params().get(0).valuesProperty().set("2,4");
            assertThat(sweep.start()).isTrue();
        });
        // as the window's close button does (the question waits for its answer: not inside interact)
        Platform.runLater(() -> h.stage.fireEvent(new javafx.stage.WindowEvent(h.stage,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane ask = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(ask.getContentText()).startsWith("Close cancels the sweep");
        answer(robot, ask, ButtonBar.ButtonData.CANCEL_CLOSE);
        assertThat(h.stage.isShowing()).isTrue();
        assertThat(sweep.runningProperty().get()).isTrue();
    }
}
