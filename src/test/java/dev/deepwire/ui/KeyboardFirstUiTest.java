package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Node;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A network built from an empty canvas with the keys alone: Space with a block selected wires the chosen block after
 * it when it takes its output (and selects it, so the next Space goes on from there). Space had placed every block
 * unwired, and nothing on the keyboard could wire two blocks.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardFirstUiTest {
    private WorkbenchHarness h;

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, new Project("untitled", "", new Graph(), null, TrainingSettings.defaults()),
                1024, 700);
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    private void quickAdd(FxRobot robot, String typed) {
        robot.interact(() -> h.window.canvas().requestFocus());
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#quick-add-search").tryQuery()).as("quick-add opened").isPresent();
        robot.write(typed);
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Node only(String type) {
        return h.vm.graph().nodes().stream().filter(n -> n.type().equals(type)).findFirst().orElseThrow();
    }

    private boolean wired(Node from, Node to) {
        return h.vm.graph().edges().stream().map(Edge::from).anyMatch(p -> p.nodeId().equals(from.id()))
                && h.vm.graph().edges().stream().anyMatch(e -> e.from().nodeId().equals(from.id())
                && e.to().nodeId().equals(to.id()));
    }

    @Test
    void spaceWithABlockSelectedWiresTheChosenBlockAfterItAndGoesOnFromThere(FxRobot robot) {
        quickAdd(robot, "token seq"); // nothing selected: any block, unwired
        Node tokens = only("token_input");
        assertThat(h.vm.selection()).containsExactly(tokens.id());

        robot.interact(() -> h.window.canvas().requestFocus());
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        TextField search = robot.lookup("#quick-add-search").queryAs(TextField.class);
        assertThat(search.getPromptText()).as("says what the block goes after").contains("Token sequence");
        robot.write("token emb");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Node embedding = only("token_embedding");
        assertThat(wired(tokens, embedding)).as("Token sequence → Token embedding").isTrue();
        assertThat(embedding.x()).as("placed right of the block it follows").isGreaterThan(tokens.x());

        quickAdd(robot, "self");
        Node attention = only("self_attention");
        assertThat(wired(embedding, attention)).as("the new block selected: the next Space goes on from it").isTrue();
        assertThat(h.vm.graph().edges()).hasSize(2);

        robot.interact(h.vm::undo); // one step: the block and its wire
        assertThat(h.vm.graph().nodes()).extracting(Node::type).containsExactlyInAnyOrder("token_input", "token_embedding");
        assertThat(h.vm.graph().edges()).hasSize(1);
    }

    @Test
    void aBlockThatDoesNotTakeTheSelectedOutputIsStillOfferedAndPlacedOnItsOwn(FxRobot robot) {
        quickAdd(robot, "token seq");
        assertThat(h.vm.selection()).hasSize(1);

        quickAdd(robot, "vector input"); // an input takes nothing: offered as before, added unwired

        assertThat(h.vm.graph().nodes()).extracting(Node::type).containsExactlyInAnyOrder("token_input", "vector_input");
        assertThat(h.vm.graph().edges()).isEmpty();
    }
}
