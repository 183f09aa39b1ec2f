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
}
