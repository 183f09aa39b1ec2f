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
}
