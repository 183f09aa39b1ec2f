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

    private javafx.geometry.Bounds fx(java.util.concurrent.Callable<javafx.geometry.Bounds> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /**
     * An arrow key scrolls only when the block it selects is not wholly in view, and then only as far as shows it: it
     * had re-centred the whole view on the block, so the block just left jumped away from under the person's eyes.
     */
    @Test
    void anArrowKeyScrollsOnlyAsFarAsShowsTheBlockItSelects(FxRobot robot) throws Exception {
        String far = WaitForAsyncUtils.asyncFx(() -> vm.addBlock("dense", 0, 0)).get(10, TimeUnit.SECONDS);
        robot.interact(() -> {
            double right = canvas.visibleWorldBounds().getMaxX();
            vm.moveNodes(java.util.Map.of(far, new double[] {right - 60, 60})); // its left part in view, the rest past the edge
            vm.select("out", false);
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Bounds before = fx(canvas::visibleWorldBounds);
        assertThat(selectedAfter(robot, KeyCode.LEFT)).isEqualTo("emb");
        assertThat(fx(canvas::visibleWorldBounds)).as("a block in view: the view stays").isEqualTo(before);
        assertThat(selectedAfter(robot, KeyCode.RIGHT)).isEqualTo("out");
        assertThat(selectedAfter(robot, KeyCode.RIGHT)).isEqualTo(far);
        javafx.geometry.Bounds after = fx(canvas::visibleWorldBounds);
        javafx.geometry.Bounds block = fx(() -> canvas.nodeView(far).getBoundsInParent());
        assertThat(after.contains(block)).as("the block selected is shown whole: %s in %s", block, after).isTrue();
        javafx.geometry.Bounds emb = fx(() -> canvas.nodeView("emb").getBoundsInParent());
        assertThat(after.contains(emb)).as("scrolled as little as shows it: the blocks before it are still in view, not"
                + " jumped away by a re-centring").isTrue();
        assertThat(after.getMinY()).as("nothing moved up or down").isEqualTo(before.getMinY());
        assertThat(selectedAfter(robot, KeyCode.LEFT)).isEqualTo("out");
        assertThat(fx(canvas::visibleWorldBounds)).as("back to a block in view: no scroll").isEqualTo(after);
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
