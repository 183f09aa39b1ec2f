package dev.deepwire.ui;

import dev.deepwire.training.RunState;
import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.ui.training.TrainingViewModel;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
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
 * Words on screen: blocks named by label, not id; stale messages cleared (read-only after the run, a refused value
 * after a later edit); plurals; an empty canvas says what is wrong; Undo keeps underscores; formulas without markup.
 */
@ExtendWith(ApplicationExtension.class)
class WordsOnScreenUiTest {
    private WorkbenchHarness h;

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "marker.dwproj", 1280, 860);
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    private String status(FxRobot robot) {
        return robot.lookup("#status-message").queryLabeled().getText();
    }

    private MenuItem undoItem(FxRobot robot) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        Menu edit = bar.getMenus().stream().filter(m -> m.getText().equals("_Edit")).findFirst().orElseThrow();
        return edit.getItems().get(0);
    }

    /** Scrolls the inspector (as a person would) until the field is in view, then replaces its text. */
    private void typeInto(FxRobot robot, String query, String text) {
        Node field = robot.lookup(query).query();
        robot.interact(() -> {
            for (Node at = field.getParent(); at != null; at = at.getParent()) {
                if (at instanceof ScrollPane sp) {
                    double y = sp.getContent().sceneToLocal(field.localToScene(0, 0)).getY();
                    double room = sp.getContent().getLayoutBounds().getHeight() - sp.getViewportBounds().getHeight();
                    sp.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 20) / room)));
                    break;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.doubleClickOn(field).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        RealKeys.type(robot, text);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aBlockIsNamedByItsLabelAndTheUndoItemKeepsUnderscores(FxRobot robot) {
        robot.interact(() -> h.vm.addBlock("self_attention", 900, 600));
        robot.interact(() -> h.vm.select("self_attention_1", false));
        typeInto(robot, "#param-heads", "2");
        String undo = undoItem(robot).getText();
        assertThat(undo).startsWith("Undo Set \u201cMulti-head self-attention\u201d heads").doesNotContain("self_attention_1");
        assertThat(undoItem(robot).isMnemonicParsing()).isFalse();
        robot.interact(() -> h.vm.messageProperty().set("Cannot connect: self_attention_1.in takes a sequence"));
        assertThat(status(robot)).isEqualTo("Cannot connect: \u201cMulti-head self-attention\u201d in takes a sequence");
    }

    @Test
    void aRefusedValueIsClearedByALaterEdit(FxRobot robot) {
        robot.interact(() -> h.vm.select("attn", false));
        typeInto(robot, "#param-heads", "0");
        assertThat(status(robot)).contains("Heads must be between");
        robot.interact(() -> h.vm.select("pool", false));
        robot.interact(() -> h.vm.moveNodes(Map.of("pool", new double[] {12, 34})));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status(robot)).as("the old refusal no longer holds").doesNotContain("between");
    }

    @Test
    void readOnlyWhileTrainingIsClearedWhenTheRunEnds(FxRobot robot) throws Exception {
        robot.clickOn("#train-start");
        DockBelongsToProjectUiTest.waitFor("training", () -> h.training.phaseProperty().get() == RunState.RUNNING);
        robot.interact(() -> h.vm.select("pool", false));
        robot.clickOn(h.window.canvas(), MouseButton.MIDDLE);
        robot.interact(() -> h.vm.select("pool", false));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status(robot)).contains("read-only while training");
        robot.clickOn("#train-stop");
        DockBelongsToProjectUiTest.waitFor("stopped", () -> h.training.phaseProperty().get() == RunState.STOPPED);
        assertThat(status(robot)).doesNotContain("read-only");
    }

    @Test
    void countsArePluralisedAndAnEmptyCanvasSaysWhatIsWrong(FxRobot robot) throws Exception {
        robot.clickOn(h.window.canvas(), MouseButton.MIDDLE);
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        DockBelongsToProjectUiTest.waitFor("analysed", () -> h.vm.analysisProperty().get().revision() == h.vm.revisionProperty().get());
        String empty = robot.lookup("#status-summary").queryLabeled().getText();
        assertThat(empty).startsWith("0 blocks · 0 wires").contains("2 errors: the graph has no input block");
        assertThat(robot.lookup("#status-summary").queryLabeled().getTooltip().getText()).contains("no output block");
        robot.interact(() -> h.vm.addBlock("token_input", 0, 0));
        DockBelongsToProjectUiTest.waitFor("analysed", () -> h.vm.analysisProperty().get().revision() == h.vm.revisionProperty().get());
        assertThat(robot.lookup("#status-summary").queryLabeled().getText()).startsWith("1 block · 0 wires").contains("1 error, 1 warning: the graph has no output block");
    }

    @Test
    void formulasShowNoMarkup(FxRobot robot) {
        robot.interact(() -> h.vm.select("embed", false));
        WaitForAsyncUtils.waitForFxEvents();
        String formula = robot.lookup(".formula").queryLabeled().getText();
        assertThat(formula).contains("\u211d^(V\u00d7d)").doesNotContain("{");
    }
}
