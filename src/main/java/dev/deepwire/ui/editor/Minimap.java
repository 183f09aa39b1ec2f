package dev.deepwire.ui.editor;

import dev.deepwire.model.Graph;
import dev.deepwire.model.Node;
import dev.deepwire.ui.theme.ThemeWatch;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** An overview of the whole graph with the visible part outlined; click or drag in it to move there. */
final class Minimap extends Canvas {
    /** The largest size; below that it takes this share of the canvas's width (a fifth), keeping its proportions. */
    static final double WIDTH = 200;
    static final double HEIGHT = 120;
    static final double SHARE = 0.2;
    private final GraphCanvas canvas;
    private final EditorViewModel vm;
    private double scale = 1;
    private double originX;
    private double originY;

    Minimap(GraphCanvas canvas, EditorViewModel vm) {
        super(WIDTH, HEIGHT);
        setId("minimap");
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
        setOnMouseReleased(Event::consume);
        setOnMouseClicked(Event::consume);
    }

    /**
     * Puts the minimap in the canvas's bottom-right corner, sized to it, in the theme's colours, redrawn (and
     * {@code onViewChange} run) whenever the visible part changes.
     */
    void attach(GraphCanvas pane, List<ObservableValue<Number>> viewChanges, Runnable onViewChange) {
        layoutXProperty().bind(pane.widthProperty().subtract(widthProperty()).subtract(10));
        layoutYProperty().bind(pane.heightProperty().subtract(heightProperty()).subtract(10));
        pane.widthProperty().addListener((o, a, w) -> fitTo(w.doubleValue()));
        visibleProperty().addListener((o, a, b) -> redraw());
        ThemeWatch.watch(pane, this::setLight);
        for (var p : viewChanges) {
            p.addListener((o, a, b) -> { // a change listener: invalidations without a change made views too early
                redraw();
                onViewChange.run();
            });
        }
    }

    /** While a drag is under way: faded and transparent to the mouse, so what lies under it can be seen and reached. */
    void setDragThrough(boolean through) {
        setMouseTransparent(through);
        setOpacity(through ? 0.3 : 1);
    }

    private void jump(double x, double y) {
        canvas.centreOn(originX + x / scale, originY + y / scale);
    }

    /** Sizes the minimap for a canvas this wide: a fixed share, capped at {@link #WIDTH} × {@link #HEIGHT}. */
    void fitTo(double canvasWidth) {
        double w = Math.max(60, Math.min(WIDTH, canvasWidth * SHARE));
        if (w != getWidth()) {
            setWidth(w);
            setHeight(w * HEIGHT / WIDTH);
            redraw();
        }
    }

    private boolean light;

    /** Draws in the light theme's colours (or the dark theme's). */
    void setLight(boolean light) {
        this.light = light;
        redraw();
    }

    private int boxes;

    /** How many boxes the last drawing showed (blocks, and collapsed groups as one each), for tests. */
    int boxesDrawn() {
        return boxes;
    }

    void redraw() {
        if (!isVisible()) {
            return;
        }
        double width = getWidth();
        double height = getHeight();
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
        g.setFill(light ? Color.rgb(236, 238, 242, 0.92) : Color.rgb(20, 22, 26, 0.85));
        g.fillRect(0, 0, width, height);
        g.setStroke(light ? Color.rgb(160, 168, 180) : Color.rgb(90, 96, 110));
        g.strokeRect(0.5, 0.5, width - 1, height - 1);
        Graph graph = vm.graph();
        if (graph.nodes().isEmpty()) {
            return;
        }
        Bounds view = canvas.visibleWorldBounds();
        double minX = Math.min(view.getMinX(), graph.nodes().stream().mapToDouble(Node::x).min().orElse(0));
        double minY = Math.min(view.getMinY(), graph.nodes().stream().mapToDouble(Node::y).min().orElse(0));
        double maxX = Math.max(view.getMaxX(), graph.nodes().stream().mapToDouble(n -> n.x() + NodeView.WIDTH).max().orElse(1));
        double maxY = Math.max(view.getMaxY(), graph.nodes().stream().mapToDouble(n -> n.y() + 90).max().orElse(1));
        scale = Math.min((width - 10) / (maxX - minX), (height - 10) / (maxY - minY));
        originX = minX - 5 / scale;
        originY = minY - 5 / scale;
        g.setFill(light ? Color.rgb(80, 120, 180) : Color.rgb(120, 160, 210));
        java.util.Set<String> hidden = new java.util.HashSet<>();
        boxes = 0;
        for (var group : graph.groups()) {
            if (group.collapsed() && !group.members().isEmpty()) {
                // drawn as the canvas shows it: one box at its members' top-left, the members hidden inside
                hidden.addAll(group.members());
                double x = group.members().stream().map(graph::require).mapToDouble(Node::x).min().orElse(0);
                double y = group.members().stream().map(graph::require).mapToDouble(Node::y).min().orElse(0);
                g.fillRect((x - originX) * scale, (y - originY) * scale, Math.max(2, NodeView.WIDTH * scale),
                        Math.max(2, GroupView.COLLAPSED_HEIGHT * scale));
                boxes++;
            }
        }
        for (Node n : graph.nodes()) {
            if (!hidden.contains(n.id())) {
                boxes++;
                g.fillRect((n.x() - originX) * scale, (n.y() - originY) * scale, Math.max(2, NodeView.WIDTH * scale),
                        Math.max(2, 86 * scale));
            }
        }
        g.setStroke(light ? Color.rgb(200, 120, 20) : Color.rgb(229, 192, 123));
        g.setLineWidth(1.5);
        g.strokeRect((view.getMinX() - originX) * scale, (view.getMinY() - originY) * scale,
                view.getWidth() * scale, view.getHeight() * scale);
    }
}
