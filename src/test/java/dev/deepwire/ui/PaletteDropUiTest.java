package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.Graph;
import dev.deepwire.model.Node;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A block dragged from the palette lands whole in view and on no other block, as quick-add and a double-click in the
 * palette place theirs: dropped just inside the canvas's left edge, half of it had gone under the palette; dropped on
 * a block, it covered that block's ports.
 */
@ExtendWith(ApplicationExtension.class)
class PaletteDropUiTest {
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

    private Node drop(FxRobot robot, String type, Point2D inCanvas) {
        int before = h.vm.graph().nodes().size();
        Point2D scene = h.window.canvas().localToScene(inCanvas);
        robot.interact(() -> assertThat(h.window.canvas().dropBlock(type, scene.getX(), scene.getY())).isTrue());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.vm.graph().nodes()).hasSize(before + 1);
        return h.vm.graph().nodes().get(before);
    }

    @Test
    void aBlockDroppedAtTheCanvasEdgeIsWholeInViewAndOneDroppedOnItCoversNothing(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Bounds canvas = h.window.canvas().localToScene(h.window.canvas().getLayoutBounds());

        Node tokens = drop(robot, "token_input", new Point2D(8, 120)); // just inside the edge by the palette
        Bounds first = h.window.canvas().nodeBoundsInScene(tokens.id());
        assertThat(first.getMinX()).as("not under the palette").isGreaterThanOrEqualTo(canvas.getMinX());

        Point2D onIt = h.window.canvas().sceneToLocal(first.getCenterX(), first.getCenterY());
        Node embedding = drop(robot, "token_embedding", onIt);
        Bounds second = h.window.canvas().nodeBoundsInScene(embedding.id());
        for (Point2D seen : new Point2D[] {new Point2D(first.getMinX() + 24, first.getMinY() + 24), // its name
                new Point2D(first.getCenterX(), first.getCenterY()), new Point2D(first.getMaxX() - 12, first.getMinY() + 52)}) {
            assertThat(second.contains(seen)).as("the first block's name, middle and output port left in sight: %s", seen)
                    .isFalse();
        }
        assertThat(second.getMinX()).as("whole in view: %s in %s", second, canvas).isGreaterThanOrEqualTo(canvas.getMinX() - 8);
    }
}
