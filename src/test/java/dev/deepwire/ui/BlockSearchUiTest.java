package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.model.BlockType;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
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
 * Searching for blocks by the words people use at 1024 × 700: "mean" and "average" find Pool over time (shown on
 * marker as "Mean over time"), every word must still match, and the quick-add list stays inside the window.
 */
@ExtendWith(ApplicationExtension.class)
class BlockSearchUiTest {
    private WorkbenchHarness h;

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "marker.dwproj", 1024, 700);
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    @Test
    void quickAddFindsPoolOverTimeByMeanAndStaysInsideTheWindow(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(h.window.canvas(), MouseButton.MIDDLE);
        // Near the canvas's bottom edge, where a 260-pixel list would run past the window.
        robot.moveTo(h.window.canvas().localToScreen(h.window.canvas().getWidth() / 3, h.window.canvas().getHeight() - 6));
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        RealKeys.type(robot, "mean");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ListView<BlockType> list = robot.lookup("#quick-add-list").queryAs(ListView.class);
        assertThat(list.getItems()).extracting(BlockType::id).contains("global_pool");
        Node box = list.getParent();
        Bounds popup = box.localToScreen(box.getBoundsInLocal());
        Stage stage = h.stage;
        assertThat(popup.getMaxY()).as("quick-add's bottom inside the window").isLessThanOrEqualTo(stage.getY() + stage.getHeight());
        assertThat(popup.getMaxX()).as("quick-add's right edge inside the window").isLessThanOrEqualTo(stage.getX() + stage.getWidth());
        robot.eraseText(4);
        RealKeys.type(robot, "mean qqq");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).as("every word must match").isEmpty();
        robot.eraseText(8);
        RealKeys.type(robot, "average");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.vm.graph().nodes()).extracting(n -> n.type()).contains("global_pool");
        assertThat(h.vm.graph().nodes().stream().filter(n -> n.type().equals("global_pool")).count()).isEqualTo(2);
    }

    @Test
    void paletteSearchFindsBlocksByCommonSynonymsAndDescription(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TreeView<Object> tree = robot.lookup("#palette-tree").queryAs(TreeView.class);
        robot.clickOn("#palette-search");
        RealKeys.type(robot, "mean");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(blocks(tree)).contains("global_pool");
        robot.eraseText(4);
        RealKeys.type(robot, "attn");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(blocks(tree)).contains("self_attention", "cross_attention");
        robot.eraseText(4);
        RealKeys.type(robot, "embed token");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(blocks(tree)).contains("token_embedding").doesNotContain("self_attention");
    }

    private static List<String> blocks(TreeView<Object> tree) {
        return tree.getRoot().getChildren().stream().flatMap(g -> g.getChildren().stream()).map(TreeItem::getValue)
                .map(v -> ((BlockType) v).id()).toList();
    }
}
