package dev.deepwire.ui;

import dev.deepwire.compiler.ShapeInference;
import dev.deepwire.compiler.ShapeReport;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.BlockType;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Node;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.CubicCurve;
import javafx.scene.text.Text;

/**
 * A read-only drawing of a graph: blocks at their saved positions with type, output shape and
 * parameter count; wires labelled with their tensor shapes. Stands in until the editor lands.
 */
final class GraphPreview extends Pane {
    private static final double WIDTH = 170;
    private static final double HEIGHT = 88;

    GraphPreview(Graph graph) {
        getStyleClass().add("graph-canvas");
        BlockCatalog catalog = BlockCatalog.standard();
        ShapeReport shapes = new ShapeInference(catalog).infer(graph);
        Map<String, VBox> boxes = new HashMap<>();
        for (Node n : graph.nodes()) {
            BlockType type = catalog.find(n.type()).orElse(null);
            Label title = new Label(n.label());
            title.getStyleClass().add("node-title");
            Label kind = new Label(type == null ? "unknown: " + n.type() : type.label());
            kind.getStyleClass().add("node-type");
            String shape = shapes.outputOf(n.id()).map(s -> "out " + s).orElse(type != null && type.isOutput() ? "loss" : "");
            Label info = new Label(shape);
            info.getStyleClass().add("node-info");
            Label params = new Label(String.format("%,d parameters", shapes.paramCounts().getOrDefault(n.id(), 0L)));
            params.getStyleClass().add("node-info");
            VBox box = new VBox(2, title, kind, info, params);
            box.setPadding(new Insets(6, 10, 6, 10));
            box.getStyleClass().addAll("node", "category-" + (type == null ? "unknown" : type.category().name().toLowerCase()));
            box.setPrefSize(WIDTH, HEIGHT);
            box.relocate(n.x(), n.y());
            boxes.put(n.id(), box);
        }
        for (Edge e : graph.edges()) {
            Node from = graph.require(e.from().nodeId());
            Node to = graph.require(e.to().nodeId());
            double sx = from.x() + WIDTH;
            double sy = from.y() + HEIGHT / 2;
            double tx = to.x();
            double ty = to.y() + HEIGHT / 2 + (e.to().name().equals("b") ? 14 : e.to().name().equals("a") ? -14 : 0);
            double dx = Math.max(40, Math.abs(tx - sx) / 2);
            CubicCurve wire = new CubicCurve(sx, sy, sx + dx, sy, tx - dx, ty, tx, ty);
            wire.getStyleClass().add("wire");
            getChildren().add(wire);
            Text label = new Text((sx + tx) / 2 - 22, (sy + ty) / 2 - 8, shapes.shapeOf(e).map(Object::toString).orElse("?"));
            label.getStyleClass().add("wire-label");
            getChildren().add(label);
        }
        getChildren().addAll(boxes.values());
    }
}
