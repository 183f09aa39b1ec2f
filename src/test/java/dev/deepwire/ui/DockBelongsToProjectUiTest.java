package dev.deepwire.ui;

import dev.deepwire.training.RunState;
import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.ui.training.TrainingViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
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
 * The dock belongs to the project in the window: opening another project empties its curves, previous-run overlay
 * and result lines; Runs… lists only that project's runs; Save As renames the project for prompts, run folders and
 * the dock.
 */
@ExtendWith(ApplicationExtension.class)
class DockBelongsToProjectUiTest {
    private WorkbenchHarness h;

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "marker.dwproj", 1280, 800);
        Files.copy(Path.of("sample-projects/word-language.dwproj"), h.dir.resolve("word-language.dwproj"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
        WaitForAsyncUtils.waitForFxEvents(); // what the UI thread does in the same step is done too
        assertThat(condition.call()).as(what).isTrue();
    }

    /** Trains until the loss chart has a few points, then stops: a short run that leaves a run folder. */
    static void shortRun(FxRobot robot, TrainingViewModel training) throws Exception {
        robot.clickOn(RealKeys.reveal(robot, robot.lookup("#train-start").query()));
        waitFor("the loss chart gains points", () -> training.history().trainLoss().size() >= 3);
        robot.clickOn("#train-stop");
        waitFor("the run stops", () -> training.phaseProperty().get() == RunState.STOPPED);
    }

    @SuppressWarnings("unchecked")
    private ListView<Object> openRuns(FxRobot robot) throws Exception {
        robot.clickOn(RealKeys.reveal(robot, robot.lookup("#train-runs").query()));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        dev.deepwire.testing.FxUntil.holds(() -> !pane.getHeaderText().startsWith("Reading")); // read in the background
        return robot.lookup("#runs-list").queryAs(ListView.class);
    }

    private void closeRuns(FxRobot robot) {
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        robot.clickOn((Button) pane.lookupButton(ButtonType.CLOSE));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void openingAnotherProjectEmptiesTheDockAndItsRunsList(FxRobot robot) throws Exception {
        shortRun(robot, h.training);
        assertThat(robot.lookup("#train-status").queryLabeled().getText()).startsWith("Stopped at step");
        assertThat(openRuns(robot).getItems()).hasSize(1);
        closeRuns(robot);
        robot.interact(() -> h.window.files().open(h.dir.resolve("word-language.dwproj")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.training.history().trainLoss()).isEmpty();
        assertThat(h.training.history().previousTrainLoss()).as("no previous-run overlay from marker").isEmpty();
        assertThat(h.training.history().validationAccuracy()).isEmpty();
        // its data was not copied beside it: the dock names the project and that there is something to fix first
        DockBelongsToProjectUiTest.waitFor("the dock follows the data check", () -> robot.lookup("#train-status")
                .queryLabeled().getText().startsWith("Not ready to train word-language: 1 problem"));
        assertThat(robot.lookup("#train-test-report").queryLabeled().getText()).isEmpty();
        assertThat(h.training.restingModel()).as("Export Trained Model has no marker model").isEmpty();
        ListView<Object> runs = openRuns(robot);
        assertThat(runs.getItems()).as("marker's run is not word-language's").isEmpty();
        assertThat(robot.lookup(".dialog-pane").queryAs(DialogPane.class).getHeaderText()).contains("word-language");
        closeRuns(robot);
        robot.interact(() -> h.window.files().open(h.file));
        assertThat(openRuns(robot).getItems()).as("marker's run is listed for marker again").hasSize(1);
        closeRuns(robot);
    }

    @Test
    void saveAsRenamesTheProjectForPromptsRunFoldersAndTheDock(FxRobot robot) throws Exception {
        shortRun(robot, h.training);
        Path mine = h.dir.resolve("mine.dwproj");
        robot.interact(() -> h.window.files().saveAs(mine));
        assertThat(h.vm.project().name()).isEqualTo("mine");
        assertThat(h.stage.getTitle()).isEqualTo("mine.dwproj — DeepWire");
        assertThat(new ProjectReader().read(mine).name()).isEqualTo("mine");
        assertThat(openRuns(robot).getItems()).as("marker's run stays with marker.dwproj").isEmpty();
        closeRuns(robot);
        robot.clickOn(RealKeys.reveal(robot, robot.lookup("#train-start").query()));
        waitFor("the run starts", () -> h.training.phaseProperty().get() == RunState.RUNNING);
        assertThat(h.training.runDir().orElseThrow().getFileName().toString()).startsWith("mine-");
        waitFor("the dock names the project", () -> robot.lookup("#train-status").queryLabeled().getText().startsWith("Training mine"));
        robot.clickOn("#train-stop");
        waitFor("the run stops", () -> h.training.phaseProperty().get() == RunState.STOPPED);
        assertThat(openRuns(robot).getItems()).hasSize(1);
        closeRuns(robot);
        robot.interact(() -> h.vm.setParam("attn", "heads", 2));
        robot.clickOn(h.window.canvas(), MouseButton.MIDDLE);
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText()).contains("Save the changes to mine.dwproj before starting a new project?");
        DialogPane ask = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        robot.interact(() -> ((Button) ask.lookupButton(ButtonType.CANCEL)).fire());
    }

    @Test
    void aTypedValueTheProjectCannotKeepIsNamedOnSaveAndBeforeClosing(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#train-epochs").queryAs(javafx.scene.control.TextField.class)
                .setText("three epochs please"));
        Path typed = h.dir.resolve("typed.dwproj");
        robot.interact(() -> h.window.files().saveAs(typed));
        assertThat(h.vm.messageProperty().get()).startsWith("Saved ")
                .contains("not the training dock's typed value: Epochs must be a whole number; got 'three epochs please'");
        assertThat(new ProjectReader().read(typed).training().epochs()).as("the last valid value").isEqualTo(20);
        robot.clickOn(h.window.canvas(), MouseButton.MIDDLE);
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane ask = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(ask.getContentText()).as("asked before the typed text is dropped")
                .contains("The training dock holds a value the project cannot keep: Epochs must be a whole number");
        robot.interact(() -> ((Button) ask.lookupButton(ButtonType.CANCEL)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.vm.project().name()).as("cancelled: the project stays open").isEqualTo("typed");
    }
}
