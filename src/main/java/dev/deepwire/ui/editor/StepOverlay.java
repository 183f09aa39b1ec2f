package dev.deepwire.ui.editor;

import dev.deepwire.inspect.walk.Backward;
import dev.deepwire.inspect.walk.Numbers;
import dev.deepwire.inspect.walk.Step;
import dev.deepwire.inspect.walk.WalkTensor;
import dev.deepwire.inspect.walk.Walkthrough;
import dev.deepwire.inspect.walk.Walkthroughs;
import dev.deepwire.model.Edge;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * Step mode drawn on the canvas: the drawing dims, blocks not yet reached fade, the current block is outlined, and each
 * wire already passed carries a small heatmap of its tensor ({@link WireBadge}: hover for values, click for a larger
 * view). On the way back each wire shows its gradient norm instead. The step's panel docks at the canvas's lower left.
 */
public final class StepOverlay {
    private static final double FADED = 0.3;
    private final Pane host;
    private final CanvasViews views;
    private final Group layer = new Group();
    private final Rectangle dim = new Rectangle();
    private final Rectangle current = new Rectangle();
    /** Moves the view by screen pixels (the canvas's pan), to bring the block shown out from under the panel. */
    private final java.util.function.BiConsumer<Double, Double> panBy;
    private final Map<String, WireBadge> badges = new LinkedHashMap<>();
    private Consumer<WalkTensor> onOpen = t -> { };
    private Region panel;
    private java.util.function.IntConsumer onStep;
    private boolean active;
    /** How far step mode moved the view (screen pixels) to show its blocks above the panel: given back on leaving. */
    private double pannedX;
    private double pannedY;

    StepOverlay(Pane host, Group world, CanvasViews views, java.util.function.BiConsumer<Double, Double> panBy) {
        this.host = host;
        this.views = views;
        this.panBy = panBy;
        dim.setFill(Color.rgb(0, 0, 0, 0.35));
        dim.setMouseTransparent(true);
        current.setFill(Color.TRANSPARENT);
        current.setStroke(Color.web("#fde725"));
        current.setStrokeWidth(3);
        current.setArcWidth(12);
        current.setArcHeight(12);
        current.setMouseTransparent(true);
        current.getStyleClass().add("step-current");
        layer.getChildren().add(current);
        layer.setVisible(false);
        dim.setVisible(false);
        world.getChildren().add(0, dim);
        world.getChildren().add(layer);
    }

    /** What a click on a wire's heatmap opens (the larger view). */
    public void setOnOpenTensor(Consumer<WalkTensor> open) {
        onOpen = open;
    }

    /** Docks the step's panel at the canvas's lower left (null: none). */
    public void setPanel(Region panel) {
        if (this.panel != null) {
            host.getChildren().remove(this.panel);
        }
        this.panel = panel;
        if (panel != null) {
            panel.setVisible(active);
            panel.setManaged(false);
            host.getChildren().add(panel);
            host.heightProperty().addListener((o, a, b) -> placePanel());
            panel.setLayoutX(10);
        }
    }

    /** What → and ← do in step mode (given +1 or −1). */
    public void setOnStep(java.util.function.IntConsumer step) {
        onStep = step;
    }

    /** A step key on the canvas: moves by {@code delta} in step mode; returns whether it did (else the key is not used). */
    boolean step(int delta) {
        if (!active || onStep == null) {
            return false;
        }
        onStep.accept(delta);
        return true;
    }

    public boolean active() {
        return active;
    }

    /** Whether {@code target} (an event's) is the step's panel or inside it: the panel floats above the drawing. */
    boolean onPanel(Object target) {
        for (Node n = target instanceof Node t ? t : null; n != null && n != host; n = n.getParent()) {
            if (n == panel) {
                return true;
            }
        }
        return false;
    }

    /**
     * Shows step {@code index} of {@code walk}: blocks up to it are reached, wires out of reached blocks carry their
     * tensors; with {@code back} the wires carry the gradient norms of the way back instead.
     */
    public void show(Walkthrough walk, int index, Backward back) {
        active = true;
        Map<String, Integer> order = new HashMap<>();
        walk.steps().forEach(s -> order.put(s.nodeId(), s.index()));
        Step step = walk.steps().get(index);
        Bounds all = views.bounds().drawingBounds();
        dim.setX(all.getMinX() - 4000);
        dim.setY(all.getMinY() - 4000);
        dim.setWidth(all.getWidth() + 8000);
        dim.setHeight(all.getHeight() + 8000);
        dim.setVisible(true);
        layer.setVisible(true);
        views.nodes().forEach((id, v) -> {
            boolean reached = back == null ? order.getOrDefault(id, Integer.MAX_VALUE) <= index : order.getOrDefault(id, -1) >= index;
            v.setOpacity(reached ? 1 : FADED);
        });
        // a block hidden in a collapsed group is shown by the group's box (its own view is not drawn: the frame had
        // been around empty canvas)
        Region at = views.shownAs(step.nodeId());
        if (at != null) {
            Bounds b = at.getBoundsInParent();
            current.setX(b.getMinX() - 5);
            current.setY(b.getMinY() - 5);
            current.setWidth(b.getWidth() + 10);
            current.setHeight(b.getHeight() + 10);
        }
        layer.getChildren().removeAll(badges.values());
        badges.clear();
        Map<String, Double> gradients = new HashMap<>();
        if (back != null) {
            back.wires().forEach(w -> gradients.put(w.wire(), w.norm()));
        }
        List<Bounds> taken = new java.util.ArrayList<>(views.bounds().shownWorldBounds());
        Map<String, Edge> wires = new HashMap<>();
        views.edges().keySet().forEach(e -> wires.put(Walkthroughs.wireName(e), e));
        for (Step s : walk.steps()) {
            for (WalkTensor t : s.inputs()) {
                Edge e = wires.get(t.name());
                // Forward: wires out of the blocks reached; back: wires into the blocks gone back through.
                boolean passed = e != null && (back == null ? order.getOrDefault(e.from().nodeId(), Integer.MAX_VALUE) <= index
                        : s.index() >= index);
                if (!passed || badges.containsKey(t.name()) || !views.edge(e).isVisible()) {
                    // (a wire inside a collapsed group is not drawn: no heatmap floating over nothing)
                    continue;
                }
                WireBadge badge = back == null ? WireBadge.tensor(t, onOpen)
                        : WireBadge.gradient(gradients.getOrDefault(t.name(), Double.NaN));
                place(badge, midpoint(views.edge(e).points()), taken);
                badges.put(t.name(), badge);
                layer.getChildren().add(badge);
            }
        }
        views.edges().forEach((e, v) -> v.setOpacity(badges.containsKey(Walkthroughs.wireName(e)) ? 1 : FADED));
        if (panel != null) {
            panel.setVisible(true);
            placePanel();
        }
    }

    /**
     * The panel's height on a canvas {@code height} pixels tall: a little over half of it, and on a short canvas (1024 ×
     * 768, the dock below it: about 380 px) up to 260 px with 130 px left above for the block explained — at half, a
     * step's text showed three lines at a time; where the canvas has room (1024 × 700 while stepping: about 570 px) up
     * to {@value #WHOLE_STEP} px with 200 px above, so a self-attention step's text shows whole beside its softmax row.
     */
    public static double panelRoom(double height) {
        return Math.max(160, Math.max(height * 0.55 - 20, Math.max(Math.min(height - 130, 260), Math.min(height - 200, WHOLE_STEP))));
    }

    /**
     * The most the panel takes of a canvas {@code height} pixels tall: {@link #panelRoom}, or all but 200 px (the block
     * explained above it) where that is more, so a long step shows whole on a tall canvas.
     */
    public static double mostRoom(double height) {
        return Math.max(panelRoom(height), height - 200);
    }

    /** The height that shows the longest step's text (self-attention's, with its softmax row) whole at 1024 px wide. */
    static final double WHOLE_STEP = 380;

    /**
     * The panel is not laid out by the canvas (it floats above the drawing): sized to its content, at the lower left,
     * or at the top while the current block is in the lower half of the view.
     */
    void placePanel() {
        if (panel != null && panel.isVisible()) {
            panel.applyCss();
            // As wide as its content wants (760 px) but never wider than the canvas: on a small screen it wraps.
            double width = Math.max(200, Math.min(panel.prefWidth(-1), host.getWidth() - 20));
            // At most a little over half the canvas, at the bottom, its top at the same place whatever the step holds
            // (its text scrolls inside). Sized to its content and bottom-aligned, it had grown upwards each step, and
            // it jumped to the other half when the block shown did: Next moved away from repeated clicks.
            // taller only where what cannot scroll needs it (the buttons, the choices, a refusal of the text typed, whose
            // last line had been cut off under the panel's edge at 1024 x 700), never past the canvas
            // as tall as the walk's tallest step needs (the panel measures its wrapped text: measured by its scroll pane,
            // a step's text had stopped at a scroll bar three lines down), up to what the canvas can give
            // (mostRoom); a fixed share of the canvas had clipped a long step at 1024 x 700 and left empty room under
            // a short walk at 1440 x 900
            double room = Math.min(Math.max(Math.min(panel.prefHeight(width), mostRoom(host.getHeight())),
                    panel.minHeight(width)), host.getHeight() - 10);
            panel.resize(width, room);
            panel.layout();
            double top = Math.max(0, host.getHeight() - room - 10);
            panel.setLayoutY(top);
            // the panel stays put (Next under the pointer from the first step to the last); the view moves instead,
            // so the block explained is in the free part above it
            Bounds at = host.sceneToLocal(current.localToScene(current.getBoundsInLocal()));
            if (at != null && top > 40) {
                double dy = at.getMaxY() > top - 10 || at.getMinY() < 0 ? top / 2 - at.getCenterY() : 0;
                double dx = at.getMaxX() > host.getWidth() || at.getMinX() < 0 ? host.getWidth() / 2 - at.getCenterX() : 0;
                if (dx != 0 || dy != 0) {
                    panBy.accept(dx, dy);
                    pannedX += dx;
                    pannedY += dy;
                }
            }
        }
    }

    /**
     * Puts a badge just below the middle of its wire, moved further down (then up) until it covers no block, note or
     * other badge, so a short wire between neighbours does not hide them.
     */
    private static void place(WireBadge badge, double[] p, List<Bounds> taken) {
        double x = p[0] - WireBadge.WIDTH / 2;
        double h = WireBadge.HEIGHT + 16;
        double y = p[1] + 8;
        for (int i = 0; i < 24; i++) {
            double dy = (i % 2 == 0 ? 1 : -1) * (i / 2) * 12.0;
            javafx.geometry.BoundingBox box = new javafx.geometry.BoundingBox(x, p[1] + 8 + dy, WireBadge.WIDTH + 4, h);
            if (taken.stream().noneMatch(box::intersects)) {
                y = box.getMinY();
                break;
            }
        }
        badge.setLayoutX(x);
        badge.setLayoutY(y);
        taken.add(new javafx.geometry.BoundingBox(x, y, WireBadge.WIDTH + 4, h));
    }

    /** The middle of a wire's route, by length. */
    private static double[] midpoint(List<double[]> pts) {
        double total = 0;
        for (int i = 0; i + 1 < pts.size(); i++) {
            total += Math.hypot(pts.get(i + 1)[0] - pts.get(i)[0], pts.get(i + 1)[1] - pts.get(i)[1]);
        }
        double left = total / 2;
        for (int i = 0; i + 1 < pts.size(); i++) {
            double len = Math.hypot(pts.get(i + 1)[0] - pts.get(i)[0], pts.get(i + 1)[1] - pts.get(i)[1]);
            if (len >= left && len > 0) {
                double f = left / len;
                return new double[] {pts.get(i)[0] + f * (pts.get(i + 1)[0] - pts.get(i)[0]), pts.get(i)[1] + f * (pts.get(i + 1)[1] - pts.get(i)[1])};
            }
            left -= len;
        }
        return pts.isEmpty() ? new double[] {0, 0} : pts.get(0);
    }

    /**
     * Takes {@code picture} (an export of the drawing) with the dimming behind step mode drawn over the drawing alone:
     * it reaches 4000 px past it on the canvas, and a PNG exported in step mode was 9287 x 8568 px, the graph a speck.
     */
    <T> T pictured(java.util.function.Supplier<T> picture) {
        if (!dim.isVisible()) {
            return picture.get();
        }
        double x = dim.getX();
        double y = dim.getY();
        double w = dim.getWidth();
        double h = dim.getHeight();
        Bounds drawing = views.bounds().drawingBounds();
        Bounds marks = layer.getBoundsInParent(); // the frame and the heatmaps, which may stand out past the blocks
        double minX = Math.min(drawing.getMinX(), marks.getMinX());
        double minY = Math.min(drawing.getMinY(), marks.getMinY());
        dim.setX(minX);
        dim.setY(minY);
        dim.setWidth(Math.max(drawing.getMaxX(), marks.getMaxX()) - minX);
        dim.setHeight(Math.max(drawing.getMaxY(), marks.getMaxY()) - minY);
        try {
            return picture.get();
        } finally {
            dim.setX(x);
            dim.setY(y);
            dim.setWidth(w);
            dim.setHeight(h);
        }
    }

    /** Leaves step mode: the drawing as it was. */
    public void hide() {
        active = false;
        dim.setVisible(false);
        layer.setVisible(false);
        layer.getChildren().removeAll(badges.values());
        badges.clear();
        views.nodes().values().forEach(v -> v.setOpacity(1));
        views.edges().values().forEach(v -> v.setOpacity(1));
        if (panel != null) {
            panel.setVisible(false);
        }
        if (pannedX != 0 || pannedY != 0) {
            // the drawing back where it was before step mode: it had been left moved, the top of the graph out of view
            panBy.accept(-pannedX, -pannedY);
            pannedX = 0;
            pannedY = 0;
        }
    }

    /** The tensors shown on the wires now, by wire name (empty on the way back and outside step mode). */
    public Map<String, WalkTensor> shownTensors() {
        Map<String, WalkTensor> out = new LinkedHashMap<>();
        badges.forEach((w, b) -> {
            if (b.tensor() != null) {
                out.put(w, b.tensor());
            }
        });
        return out;
    }

    /** The frame around the block explained, in the canvas's world (for tests). */
    public Bounds currentFrame() {
        return current.getBoundsInParent();
    }

    /** The frame around the block explained, in scene coordinates (for tests). */
    public Bounds currentFrameInScene() {
        return current.localToScene(current.getBoundsInLocal());
    }

    /** The badge on a wire (for tests and screenshots), or null. */
    public Node badge(String wire) {
        return badges.get(wire);
    }

    /** The gradient norms shown on the wires now (on the way back). */
    public Map<String, String> shownGradients() {
        Map<String, String> out = new LinkedHashMap<>();
        badges.forEach((w, b) -> {
            if (b.tensor() == null) {
                out.put(w, b.text());
            }
        });
        return out;
    }

    static String gradientText(double norm) {
        return Double.isNaN(norm) ? "ids: no gradient" : "‖∂L/∂x‖ = " + Numbers.of(norm);
    }
}
