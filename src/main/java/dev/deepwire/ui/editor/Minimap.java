package dev.deepwire.ui.editor;

import dev.deepwire.model.Graph;
import dev.deepwire.model.Node;
import javafx.geometry.Bounds;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** An overview of the whole graph with the visible part outlined; click or drag in it to move there. */
final class Minimap extends Canvas {
    static final double WIDTH = 200;
    static final double HEIGHT = 120;
    private final GraphCanvas canvas;
    private final EditorViewModel vm;
    private double scale = 1;
    private double originX;
    private double originY;

    Minimap(GraphCanvas canvas, EditorViewModel vm) {
        super(WIDTH, HEIGHT);
        this.canvas = canvas;
        this.vm = vm;
        getStyleClass().add("minimap");
        setOnMousePressed(e -> {
            jump(e.getX(), e.getY());
            e.consume();
        });
        setOnMouseDragged(e -> {
            jump(e.getX(), e.getY());
            e.consume();
        });
        setOnMouseReleased(javafx.event.Event::consume);
        setOnMouseClicked(javafx.event.Event::consume);
    }

    private void jump(double x, double y) {
        canvas.centreOn(originX + x / scale, originY + y / scale);
    }

    void redraw() {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, WIDTH, HEIGHT);
        g.setFill(Color.rgb(20, 22, 26, 0.85));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setStroke(Color.rgb(90, 96, 110));
        g.strokeRect(0.5, 0.5, WIDTH - 1, HEIGHT - 1);
        Graph graph = vm.graph();
        if (graph.nodes().isEmpty()) {
            return;
        }
        Bounds view = canvas.visibleWorldBounds();
        double minX = Math.min(view.getMinX(), graph.nodes().stream().mapToDouble(Node::x).min().orElse(0));
        double minY = Math.min(view.getMinY(), graph.nodes().stream().mapToDouble(Node::y).min().orElse(0));
        double maxX = Math.max(view.getMaxX(), graph.nodes().stream().mapToDouble(n -> n.x() + NodeView.WIDTH).max().orElse(1));
        double maxY = Math.max(view.getMaxY(), graph.nodes().stream().mapToDouble(n -> n.y() + 90).max().orElse(1));
        scale = Math.min((WIDTH - 10) / (maxX - minX), (HEIGHT - 10) / (maxY - minY));
        originX = minX - 5 / scale;
        originY = minY - 5 / scale;
        g.setFill(Color.rgb(120, 160, 210));
        for (Node n : graph.nodes()) {
            g.fillRect((n.x() - originX) * scale, (n.y() - originY) * scale, Math.max(2, NodeView.WIDTH * scale),
                    Math.max(2, 86 * scale));
        }
        g.setStroke(Color.rgb(229, 192, 123));
        g.setLineWidth(1.5);
        g.strokeRect((view.getMinX() - originX) * scale, (view.getMinY() - originY) * scale,
                view.getWidth() * scale, view.getHeight() * scale);
    }
}
