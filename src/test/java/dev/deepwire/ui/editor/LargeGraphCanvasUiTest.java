package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Node;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.ui.EditorBenchmark;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A graph of 1,000 blocks gets views only for the blocks in and near the visible area (the rest are made as
 * the view moves), and every visible block and wire is drawn with its shape.
 */
@ExtendWith(ApplicationExtension.class)
class LargeGraphCanvasUiTest {
    private EditorViewModel vm;
    private GraphCanvas canvas;

    @Start
    void start(Stage stage) {
        Graph g = EditorBenchmark.generate(1000);
        vm = new EditorViewModel(BlockCatalog.standard(), new Project("large", "", g, null, TrainingSettings.defaults()),
                Runnable::run, Runnable::run);
        canvas = new GraphCanvas(vm);
        stage.setScene(new Scene(canvas, 1200, 800));
        stage.show();
    }

    private void assertEveryVisibleBlockAndWireIsDrawn() {
        Bounds visible = canvas.visibleWorldBounds();
        int seen = 0;
        for (Node n : vm.graph().nodes()) {
            if (visible.intersects(new BoundingBox(n.x(), n.y(), NodeView.WIDTH, 86))) {
                seen++;
                assertThat(canvas.hasView(n.id())).as("view of visible block %s", n.id()).isTrue();
                assertThat(canvas.nodeView(n.id()).shapeText()).as("shape of %s", n.id()).isNotBlank().doesNotContain("?");
            }
        }
        assertThat(seen).as("blocks in view").isGreaterThan(5);
        int wires = 0;
        for (Edge e : vm.graph().edges()) {
            if (canvas.hasView(e.from().nodeId()) && canvas.hasView(e.to().nodeId())
                    && visible.contains(vm.graph().node(e.to().nodeId()).orElseThrow().x(), vm.graph().node(e.to().nodeId()).orElseThrow().y())) {
                assertThat(canvas.edgeView(e)).as("wire %s", e).isNotNull();
                assertThat(canvas.edgeView(e).shapeText()).as("shape on wire %s", e).isNotEqualTo("?");
                wires++;
            }
        }
        assertThat(wires).as("wires in view").isGreaterThan(5);
    }

    @Test
    void onlyBlocksNearTheViewGetViewsAndMoreAppearAsTheViewMoves(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.graph().nodes()).hasSize(1000);
        int atOpen = canvas.viewCount();
        assertThat(atOpen).isGreaterThan(0).isLessThan(GraphCanvas.VIEW_ALL_UP_TO);
        assertEveryVisibleBlockAndWireIsDrawn();

        Node last = vm.graph().nodes().get(vm.graph().nodes().size() - 3); // in the last transformer block
        assertThat(canvas.hasView(last.id())).isFalse();
        robot.interact(() -> canvas.centreOn(last.x(), last.y()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas.hasView(last.id())).isTrue();
        assertThat(canvas.viewCount()).isGreaterThan(atOpen);
        assertEveryVisibleBlockAndWireIsDrawn();
    }

    /** Whether any block lies under this point of the canvas (in the canvas's own coordinates). */
    private boolean onABlock(double x, double y) {
        javafx.geometry.Point2D w = canvas.toWorld(x, y);
        return vm.graph().nodes().stream().anyMatch(n -> new BoundingBox(n.x() - 20, n.y() - 20, NodeView.WIDTH + 40, 126)
                .contains(w));
    }

    private boolean coversABlock(javafx.geometry.Point2D a, javafx.geometry.Point2D b) {
        BoundingBox band = new BoundingBox(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY());
        return vm.graph().nodes().stream().anyMatch(n -> band.contains(n.x() + 10, n.y() + 10));
    }

    /**
     * A rectangle dragged over part of the view selects the blocks in it and makes no view for the blocks far away: the
     * selection had asked for every block's view, so one dragged rectangle on a chain of 30,000 blocks made 30,000 views
     * (seconds of a frozen window, the culling undone).
     */
    @Test
    void aRubberBandSelectsWhatItCoversWithoutMakingEveryBlocksView(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        int before = WaitForAsyncUtils.asyncFx(canvas::viewCount).get(10, java.util.concurrent.TimeUnit.SECONDS);
        javafx.geometry.Point2D a = WaitForAsyncUtils.asyncFx(() -> {
            for (double y = 20; y < 500; y += 10) {
                for (double x = 20; x < 800; x += 10) {
                    if (!onABlock(x, y) && coversABlock(canvas.toWorld(x, y), canvas.toWorld(x + 300, y + 250))) {
                        return canvas.localToScreen(x, y);
                    }
                }
            }
            return null;
        }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(a).as("an empty point of the canvas").isNotNull();
        robot.drag(a.getX(), a.getY(), javafx.scene.input.MouseButton.PRIMARY)
                .moveTo(new javafx.geometry.Point2D(a.getX() + 300, a.getY() + 250)).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> vm.selection().size()).get(10, java.util.concurrent.TimeUnit.SECONDS)).as("blocks the rectangle covers")
                .isGreaterThan(0);
        int after = WaitForAsyncUtils.asyncFx(canvas::viewCount).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(after).as("views after the selection (%d before)", before).isLessThan(GraphCanvas.VIEW_ALL_UP_TO);
    }

    /**
     * Every block selected and one visible block dragged: all of them move by the same amount in one undoable step, and
     * the blocks far from the view get no view for it (the drag had made a view for every selected block).
     */
    @Test
    void draggingEveryBlockMovesThemAllWithoutMakingTheirViews(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Node far = vm.graph().nodes().get(vm.graph().nodes().size() - 3);
        double[] farAt = {far.x(), far.y()};
        javafx.geometry.Point2D grab = WaitForAsyncUtils.asyncFx(() -> {
            vm.selectAll();
            Bounds visible = canvas.visibleWorldBounds();
            Node seen = vm.graph().nodes().stream().filter(n -> canvas.hasView(n.id())
                    && visible.contains(n.x() + NodeView.WIDTH, n.y() + 40)).findFirst().orElseThrow();
            NodeView v = canvas.nodeView(seen.id());
            return v.localToScreen(NodeView.WIDTH / 2, 12);
        }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        double zoom = WaitForAsyncUtils.asyncFx(() -> canvas.toWorld(100, 0).getX() - canvas.toWorld(0, 0).getX())
                .get(10, java.util.concurrent.TimeUnit.SECONDS) / 100;
        robot.drag(grab.getX(), grab.getY(), javafx.scene.input.MouseButton.PRIMARY)
                .moveTo(new javafx.geometry.Point2D(grab.getX() + 40, grab.getY() + 60))
                .release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Node moved = vm.graph().require(far.id());
        assertThat(moved.x() - farAt[0]).as("the far block moved right with the rest").isCloseTo(40 * zoom, org.assertj.core.data.Offset.offset(2.0));
        assertThat(moved.y() - farAt[1]).as("and down").isCloseTo(60 * zoom, org.assertj.core.data.Offset.offset(2.0));
        assertThat(canvas.hasView(far.id())).as("the far block has no view").isFalse();
        assertThat(WaitForAsyncUtils.asyncFx(canvas::viewCount).get(10, java.util.concurrent.TimeUnit.SECONDS))
                .isLessThan(GraphCanvas.VIEW_ALL_UP_TO);
        robot.interact(vm::undo);
        assertThat(vm.graph().require(far.id()).x()).as("one undo puts it back").isEqualTo(farAt[0]);
    }
}
