package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Edge;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The marker sample's wires as drawn: no shape label lies under or over a block or on a port, labels never
 * overprint, each output's shape is written once, and wires leaving one output run apart so each can be seen
 * (its shape is then read by hovering the wire).
 */
@ExtendWith(ApplicationExtension.class)
class WireLabelsUiTest {
    private EditorViewModel vm;
    private GraphCanvas canvas;

    @Start
    void start(Stage stage) throws Exception {
        vm = new EditorViewModel(BlockCatalog.standard(), new ProjectReader().read(Path.of("sample-projects/marker.dwproj")),
                Runnable::run, Runnable::run);
        canvas = new GraphCanvas(vm);
        stage.setScene(new Scene(canvas, 1300, 800));
        stage.show();
    }

    @Test
    void markerLabelsStayClearOfBlocksPortsAndEachOtherAndSharedWiresRunApart(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        List<Bounds> shown = new ArrayList<>();
        Map<String, Integer> labelsPerOutput = new HashMap<>();
        Map<String, List<List<double[]>>> routesPerOutput = new HashMap<>();
        for (Edge e : vm.graph().edges()) {
            EdgeView v = canvas.edgeView(e);
            String output = e.from().nodeId() + "." + e.from().name();
            routesPerOutput.computeIfAbsent(output, k -> new ArrayList<>()).add(v.points());
            if (!v.labelShown()) {
                continue;
            }
            labelsPerOutput.merge(output, 1, Integer::sum);
            Bounds label = v.localToScene(v.labelBounds());
            for (var n : vm.graph().nodes()) {
                NodeView block = canvas.nodeView(n.id());
                Bounds body = block.localToScene(new BoundingBox(0, 0, block.getWidth(), block.getHeight()));
                assertThat(body.intersects(label)).as("label of %s over block %s: %s %s", e, n.id(), label, body).isFalse();
            }
            for (double[] end : List.of(v.points().get(0), v.points().get(v.points().size() - 1))) {
                Point2D port = v.localToScene(end[0], end[1]);
                assertThat(label.contains(port)).as("label of %s on its port", e).isFalse();
            }
            for (Bounds other : shown) {
                assertThat(other.intersects(label)).as("label of %s overprints another", e).isFalse();
            }
            shown.add(label);
        }
        assertThat(shown).as("labels are drawn at all").isNotEmpty();
        assertThat(labelsPerOutput.values()).as("one label per output").allMatch(c -> c == 1);
        routesPerOutput.forEach((output, routes) -> {
            for (int i = 0; i < routes.size(); i++) {
                for (int j = i + 1; j < routes.size(); j++) {
                    assertThat(sharedLength(routes.get(i), routes.get(j))).as("wires from %s drawn on top of each other", output)
                            .isLessThan(30);
                }
            }
        });
    }

    /** How many pixels of two orthogonal routes lie exactly on top of each other. */
    private static double sharedLength(List<double[]> a, List<double[]> b) {
        double shared = 0;
        for (int i = 0; i + 1 < a.size(); i++) {
            for (int j = 0; j + 1 < b.size(); j++) {
                shared += overlap(a.get(i), a.get(i + 1), b.get(j), b.get(j + 1));
            }
        }
        return shared;
    }

    private static double overlap(double[] a1, double[] a2, double[] b1, double[] b2) {
        boolean ah = Math.abs(a1[1] - a2[1]) < 0.5;
        boolean bh = Math.abs(b1[1] - b2[1]) < 0.5;
        if (ah && bh && Math.abs(a1[1] - b1[1]) < 0.5) {
            return Math.max(0, Math.min(Math.max(a1[0], a2[0]), Math.max(b1[0], b2[0])) - Math.max(Math.min(a1[0], a2[0]), Math.min(b1[0], b2[0])));
        }
        boolean av = Math.abs(a1[0] - a2[0]) < 0.5;
        boolean bv = Math.abs(b1[0] - b2[0]) < 0.5;
        if (av && bv && Math.abs(a1[0] - b1[0]) < 0.5) {
            return Math.max(0, Math.min(Math.max(a1[1], a2[1]), Math.max(b1[1], b2[1])) - Math.max(Math.min(a1[1], a2[1]), Math.min(b1[1], b2[1])));
        }
        return 0;
    }
}
