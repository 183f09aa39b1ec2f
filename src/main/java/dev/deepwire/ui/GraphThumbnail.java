package dev.deepwire.ui;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** A small drawing of a graph — blocks as boxes coloured by palette group, wires as lines — for the gallery. */
final class GraphThumbnail {
    private static final double BOX_W = 184;
    private static final double BOX_H = 86;

    private GraphThumbnail() {
    }

    static Canvas draw(Graph graph, BlockCatalog catalog, double width, double height) {
        Canvas c = new Canvas(width, height);
        GraphicsContext g = c.getGraphicsContext2D();
        g.setFill(Color.web("#1e2229"));
        g.fillRoundRect(0, 0, width, height, 10, 10);
        if (graph.nodes().isEmpty()) {
            return c;
        }
        double minX = graph.nodes().stream().mapToDouble(Node::x).min().orElse(0);
        double minY = graph.nodes().stream().mapToDouble(Node::y).min().orElse(0);
        double maxX = graph.nodes().stream().mapToDouble(Node::x).max().orElse(0) + BOX_W;
        double maxY = graph.nodes().stream().mapToDouble(Node::y).max().orElse(0) + BOX_H;
        double scale = Math.min((width - 16) / (maxX - minX), (height - 16) / (maxY - minY));
        double ox = (width - (maxX - minX) * scale) / 2 - minX * scale;
        double oy = (height - (maxY - minY) * scale) / 2 - minY * scale;
        g.setStroke(Color.web("#8a93a3"));
        g.setLineWidth(1);
        for (Edge e : graph.edges()) {
            Node a = graph.require(e.from().nodeId());
            Node b = graph.require(e.to().nodeId());
            g.strokeLine(ox + (a.x() + BOX_W) * scale, oy + (a.y() + BOX_H / 2) * scale, ox + b.x() * scale,
                    oy + (b.y() + BOX_H / 2) * scale);
        }
        for (Node n : graph.nodes()) {
            String category = catalog.find(n.type()).map(t -> t.category().name()).orElse("");
            g.setFill(colour(category));
            g.fillRoundRect(ox + n.x() * scale, oy + n.y() * scale, BOX_W * scale, BOX_H * scale, 6, 6);
        }
        return c;
    }

    /** The palette group colours of the workbench theme. */
    static Color colour(String category) {
        return Color.web(switch (category) {
            case "INPUTS" -> "#61afef";
            case "EMBEDDING" -> "#c678dd";
            case "ATTENTION" -> "#e5c07b";
            case "FUSION" -> "#98c379";
            case "KNOWLEDGE_GRAPH" -> "#b5cea8";
            case "CORE" -> "#56b6c2";
            case "CONVOLUTION" -> "#d19a66";
            case "RECURRENT" -> "#be5046";
            case "OUTPUT" -> "#e06c75";
            default -> "#777777";
        });
    }
}
