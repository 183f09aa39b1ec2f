package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.GraphFixture;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Building from the keyboard: the arrow keys on the canvas select the block that way, so a person can come back to an
 * earlier block (and press Space to add after it); the keyboard stays on the canvas. Before, an arrow key selected
 * nothing and moved the keyboard to the panel beside the canvas.
 */
@ExtendWith(ApplicationExtension.class)
class ArrowKeysUiTest {
    private EditorViewModel vm;
    private GraphCanvas canvas;

    @Start
    void start(Stage stage) {
        GraphFixture g = new GraphFixture().node("tokens", "token_input").node("emb", "token_embedding")
                .node("out", "softmax_output").node("image", "image_input").wire("tokens.out", "emb.in");
        g.graph().moveNode("tokens", 20, 40);
        g.graph().moveNode("emb", 300, 40);
        g.graph().moveNode("out", 600, 60);
        g.graph().moveNode("image", 30, 260);
        vm = new EditorViewModel(BlockCatalog.standard(), new Project("arrows", "", g.graph(), null, TrainingSettings.defaults()),
                Runnable::run, Runnable::run);
        canvas = new GraphCanvas(vm);
        BorderPane root = new BorderPane(canvas);
        TextField beside = new TextField(); // as the inspector beside the canvas: where an unused arrow key had gone
        beside.setId("beside");
        root.setRight(beside);
        stage.setScene(new Scene(root, 1000, 500));
        stage.show();
        canvas.requestFocus();
    }

    private String selectedAfter(FxRobot robot, KeyCode key) throws Exception {
        robot.type(key);
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> {
            assertThat(canvas.isFocused()).as("the canvas keeps the keyboard after %s", key).isTrue();
            return vm.selectedNode().map(dev.deepwire.model.Node::id).orElse("none");
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theArrowKeysSelectTheBlockThatWayAndKeepTheKeyboardOnTheCanvas(FxRobot robot) throws Exception {
        assertThat(selectedAfter(robot, KeyCode.RIGHT)).as("nothing selected: the top-left block").isEqualTo("tokens");
        assertThat(selectedAfter(robot, KeyCode.RIGHT)).isEqualTo("emb");
        assertThat(selectedAfter(robot, KeyCode.RIGHT)).isEqualTo("out");
        assertThat(selectedAfter(robot, KeyCode.RIGHT)).as("nothing further right: kept").isEqualTo("out");
        assertThat(selectedAfter(robot, KeyCode.LEFT)).isEqualTo("emb");
        assertThat(selectedAfter(robot, KeyCode.LEFT)).isEqualTo("tokens");
        assertThat(selectedAfter(robot, KeyCode.DOWN)).isEqualTo("image");
        assertThat(selectedAfter(robot, KeyCode.DOWN)).isEqualTo("image");
        assertThat(selectedAfter(robot, KeyCode.UP)).isEqualTo("tokens");
    }

    @Test
    void shiftArrowAddsTheBlockThatWayAndWWiresTheTwoSoASecondInputIsWiredWithoutTheMouse(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.addBlock("vector_input", 20, 700);
            vm.addBlock("vector_input", 20, 900);
            vm.addBlock("add", 400, 800);
        });
        java.util.List<String> ids = vm.graph().nodes().stream().map(dev.deepwire.model.Node::id)
                .filter(id -> !java.util.Set.of("tokens", "emb", "out", "image").contains(id)).toList();
        String a = ids.get(0);
        String b = ids.get(1);
        String sum = ids.get(2);
        robot.interact(() -> vm.select(a, false));
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        robot.type(KeyCode.W);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedAfter(robot, KeyCode.LEFT)).isEqualTo(a);
        assertThat(selectedAfter(robot, KeyCode.DOWN)).isEqualTo(b);
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        robot.type(KeyCode.W);
        WaitForAsyncUtils.waitForFxEvents();
        var into = WaitForAsyncUtils.asyncFx(() -> vm.graph().edges().stream().filter(e -> e.to().nodeId().equals(sum))
                .map(e -> e.from().nodeId()).sorted().toList()).get(10, TimeUnit.SECONDS);
        assertThat(into).as("both inputs of the add wired from the keyboard").containsExactlyInAnyOrder(a, b);
        robot.type(KeyCode.W);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.graph().edges().stream().filter(e -> e.to().nodeId().equals(sum)).count()).isEqualTo(2);
        assertThat(vm.messageProperty().get()).as("nothing left to wire: said why").startsWith("Cannot wire");
        robot.interact(vm::undo);
        assertThat(vm.graph().edges().stream().filter(e -> e.to().nodeId().equals(sum)).count())
                .as("one Undo takes one wire").isEqualTo(1);
    }

    @Test
    void spaceWhileARunHoldsTheGraphSaysSoAtOnceInsteadOfOfferingBlocksItThenRefuses(FxRobot robot) {
        robot.interact(() -> {
            vm.select("emb", false);
            vm.setLocked(true); // a run started or paused
            vm.messageProperty().set("");
        });
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#quick-add-search").tryQuery()).as("no search to type into, only to be refused").isEmpty();
        assertThat(vm.messageProperty().get()).contains("read-only");
        robot.interact(() -> vm.setLocked(false));
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#quick-add-search").tryQuery()).as("the run over: quick-add again").isPresent();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }
}
