package dev.deepwire.ui;

import dev.deepwire.training.RunState;
import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.model.Issue;
import dev.deepwire.model.Port;
import dev.deepwire.ui.training.TrainingViewModel;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
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
 * From an empty canvas to training without JSON: Train without data asks for it in a dialog showing only the chosen
 * kind's fields; a data/graph mismatch is an issue on the block before Train, with a quick fix; "no problems" means
 * Train starts; the dock keeps still when a run starts and its result lines are readable in full.
 */
@ExtendWith(ApplicationExtension.class)
class DataFlowUiTest {
    private WorkbenchHarness h;

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "marker.dwproj", 1024, 700);
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    private void waitForCompleteAnalysis() throws Exception {
        DockBelongsToProjectUiTest.waitFor("the data is checked against the graph", () ->
                h.vm.analysisProperty().get().complete() && h.vm.analysisProperty().get().revision() == h.vm.revisionProperty().get());
    }

    private static boolean shown(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private String summary(FxRobot robot) {
        return robot.lookup("#status-summary").queryLabeled().getText();
    }

    @Test
    void aClassCountThatDoesNotFitTheDataIsABadgeWithAQuickFixBeforeTrain(FxRobot robot) throws Exception {
        waitForCompleteAnalysis();
        assertThat(summary(robot)).endsWith("no problems");
        robot.interact(() -> h.vm.setParam("classify", "classes", 10));
        waitForCompleteAnalysis();
        assertThat(h.vm.analysisProperty().get().issuesOf("classify")).extracting(Issue::message)
                .anySatisfy(m -> assertThat(m).contains("32 classes").contains("set classes to 32"));
        assertThat(summary(robot)).doesNotContain("no problems").contains("1 error");
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.training.phaseProperty().get()).as("Train does not start while the data does not fit")
                .isEqualTo(RunState.IDLE);
        assertThat(robot.lookup("#train-status").queryLabeled().getText()).startsWith("Not started: ")
                .endsWith("Set Classes to 32 in the inspector, then Train");
        robot.interact(() -> h.vm.select("classify", false));
        WaitForAsyncUtils.waitForFxEvents();
        Button fix = robot.lookup("#quick-fix-classes").queryButton();
        assertThat(fix.getText()).isEqualTo("Set Classes to 32");
        robot.clickOn(fix);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.vm.graph().require("classify").param("classes")).isEqualTo(32);
        assertThat(h.vm.history().undoDescription()).hasValueSatisfying(d -> assertThat(d).contains("classes"));
        waitForCompleteAnalysis();
        assertThat(summary(robot)).endsWith("no problems");
    }

    @Test
    void trainWithoutADatasetOpensTheDatasetDialogShowingOnlyTheKindsFields(FxRobot robot) throws Exception {
        robot.clickOn(h.window.canvas(), MouseButton.MIDDLE);
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> h.vm.addBlock("token_input", 0, 0));
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(((Stage) pane.getScene().getWindow()).getTitle()).isEqualTo("Dataset settings \u2014 untitled");
        @SuppressWarnings("unchecked")
        ComboBox<String> kind = robot.lookup("#dataset-kind").queryAs(ComboBox.class);
        robot.interact(() -> kind.setValue("marker"));
        assertThat(shown(robot.lookup("#dataset-file").query())).isFalse();
        assertThat(shown(robot.lookup("#dataset-classes").query())).isFalse();
        assertThat(shown(robot.lookup("#dataset-length").query())).isTrue();
        robot.interact(() -> kind.setValue("csv"));
        assertThat(shown(robot.lookup("#dataset-file").query())).isTrue();
        assertThat(shown(robot.lookup("#dataset-length").query())).isFalse();
        robot.interact(() -> kind.setValue("marker"));
        robot.clickOn((Button) pane.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.vm.project().dataset().kind()).isEqualTo("marker");
        assertThat(h.vm.project().dataset().params()).doesNotContainKey("file");
        assertThat(h.vm.history().undoDescription()).contains("Undo Set the dataset to marker");
        DockBelongsToProjectUiTest.waitFor("the chosen data is checked against the graph (one block: it does not compile)",
                () -> robot.lookup("#train-status").queryLabeled().getText().startsWith("Not started: "));
        assertThat(h.training.phaseProperty().get()).as("Train does not start on a graph with problems")
                .isEqualTo(RunState.IDLE);
    }

    @Test
    void dataChosenAtTrainIsCheckedFirstAndTrainStartsOnlyWhenNothingIsWrong(FxRobot robot) throws Exception {
        robot.clickOn(h.window.canvas(), MouseButton.MIDDLE);
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            String in = h.vm.addBlock("token_input", 0, 0);
            String embed = h.vm.addBlock("token_embedding", 200, 0);
            String pool = h.vm.addBlock("global_pool", 400, 0);
            String out = h.vm.addBlock("softmax_output", 600, 0);
            h.vm.connect(new Port(in, "out"), new Port(embed, "in"));
            h.vm.connect(new Port(embed, "out"), new Port(pool, "in"));
            h.vm.connect(new Port(pool, "out"), new Port(out, "in"));
        });
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> kind = robot.lookup("#dataset-kind").queryAs(ComboBox.class);
        robot.interact(() -> kind.setValue("marker"));
        robot.clickOn((Button) pane.lookupButton(ButtonType.OK));
        DockBelongsToProjectUiTest.waitFor("the class count is checked against the data before Train",
                () -> robot.lookup("#train-status").queryLabeled().getText().startsWith("Not started: "));
        assertThat(h.training.phaseProperty().get()).isEqualTo(RunState.IDLE);
        assertThat(robot.lookup("#train-status").queryLabeled().getText()).endsWith("Set Classes to 32 in the inspector, then Train");
        assertThat(h.vm.messageProperty().get()).endsWith("Set Classes to 32 in the inspector, then Train");
        waitForCompleteAnalysis();
        String out = h.vm.selectedNode().orElseThrow().id();
        assertThat(h.vm.analysisProperty().get().issuesOf(out)).as("the badge on the classifier")
                .anySatisfy(i -> assertThat(i.isError()).isTrue());
        robot.clickOn(robot.lookup("#quick-fix-classes").queryButton());
        waitForCompleteAnalysis();
        assertThat(summary(robot)).endsWith("no problems");
        robot.clickOn("#train-start");
        DockBelongsToProjectUiTest.waitFor("Train starts once nothing is wrong",
                () -> h.training.phaseProperty().get() == RunState.RUNNING);
        robot.clickOn("#train-stop");
        DockBelongsToProjectUiTest.waitFor("stopped", () -> !h.training.phaseProperty().get().busy());
    }

    @Test
    void theDockDoesNotMoveWhenARunStartsAndItsResultLinesAreReadable(FxRobot robot) throws Exception {
        waitForCompleteAnalysis();
        Button stop = robot.lookup("#train-stop").queryButton();
        double before = stop.localToScene(0, 0).getY();
        robot.clickOn("#train-start");
        DockBelongsToProjectUiTest.waitFor("training", () -> h.training.history().trainLoss().size() >= 3);
        assertThat(stop.localToScene(0, 0).getY()).as("Stop stays where it was").isEqualTo(before);
        robot.clickOn(stop);
        DockBelongsToProjectUiTest.waitFor("stopped", () -> h.training.phaseProperty().get() == RunState.STOPPED);
        assertThat(stop.localToScene(0, 0).getY()).isEqualTo(before);
        Labeled status = robot.lookup("#train-status").queryLabeled();
        assertThat(status.getText()).startsWith("Stopped at step");
        assertThat(status.getTooltip()).isNotNull();
        assertThat(status.getTooltip().getText()).isEqualTo(status.getText());
    }
}
