package dev.deepwire.ui.editor;

import dev.deepwire.model.Edge;
import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Polyline;
import javafx.scene.text.Text;

/**
 * A wire from an output port to an input port, drawn along its route (right angles around blocks, or a curve
 * when not routed), labelled with its tensor shape on its longest straight run. A wider invisible line along the
 * route (its ends left free, so ports stay easy to grab) takes the clicks.
 */
final class EdgeView extends Group {
    private final Edge edge;
    private final Polyline line = new Polyline();
    private final Polyline hit = new Polyline();
    private final Text label = new Text();
    private double[] end = {0, 0};

    EdgeView(Edge edge) {
        this.edge = edge;
        line.getStyleClass().add("wire");
        line.setMouseTransparent(true);
        hit.getStyleClass().add("wire-hit");
        label.getStyleClass().add("wire-label");
        label.setMouseTransparent(true);
        getChildren().addAll(line, hit, label);
        hit.hoverProperty().addListener((o, a, b) -> line.pseudoClassStateChanged(HOVER, b));
    }

    private static final PseudoClass HOVER = PseudoClass.getPseudoClass("hover");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    Edge edge() {
        return edge;
    }

    /** What takes the wire's clicks and context menu. */
    Node handle() {
        return hit;
    }

    void setSelected(boolean selected) {
        line.pseudoClassStateChanged(SELECTED, selected);
    }

    /** A plain curve between two points (wires of large graphs, and while blocks are dragged). */
    void route(double[] from, double[] to) {
        double dx = Math.max(50, Math.abs(to[0] - from[0]) / 2);
        double[] pts = new double[34];
        for (int i = 0; i <= 16; i++) {
            double t = i / 16.0;
            double u = 1 - t;
            pts[2 * i] = u * u * u * from[0] + 3 * u * u * t * (from[0] + dx) + 3 * u * t * t * (to[0] - dx) + t * t * t * to[0];
            pts[2 * i + 1] = u * u * u * from[1] + 3 * u * u * t * from[1] + 3 * u * t * t * to[1] + t * t * t * to[1];
        }
        show(pts);
    }

    /** The wire along these corner points (first: the output port, last: the input port). */
    void route(List<double[]> corners) {
        double[] pts = new double[corners.size() * 2];
        for (int i = 0; i < corners.size(); i++) {
            pts[2 * i] = corners.get(i)[0];
            pts[2 * i + 1] = corners.get(i)[1];
        }
        show(pts);
    }

    private void show(double[] pts) {
        int n = pts.length / 2;
        line.getPoints().setAll(boxed(pts));
        end = new double[] {pts[pts.length - 2], pts[pts.length - 1]};
        // The hit line leaves the first and last pixels along the route free, where the ports are, so a press on a
        // port starts a new wire even when a short first turn of this one passes over it.
        hit.getPoints().setAll(boxed(reversed(trimmedStart(reversed(trimmedStart(pts, PORT_CLEARANCE)), PORT_CLEARANCE))));
        int best = 0;
        double longest = -1;
        for (int i = 0; i + 1 < n; i++) {
            double len = Math.abs(pts[2 * i + 2] - pts[2 * i]) + Math.abs(pts[2 * i + 3] - pts[2 * i + 1]);
            boolean horizontal = Math.abs(pts[2 * i + 3] - pts[2 * i + 1]) < 1;
            if (len * (horizontal ? 2 : 1) > longest) {
                longest = len * (horizontal ? 2 : 1);
                best = i;
            }
        }
        double mx = (pts[2 * best] + pts[2 * best + 2]) / 2;
        double my = (pts[2 * best + 1] + pts[2 * best + 3]) / 2;
        boolean horizontal = Math.abs(pts[2 * best + 3] - pts[2 * best + 1]) < 1;
        double w = label.getLayoutBounds().getWidth();
        label.setVisible(true);
        label.setX(horizontal ? mx - w / 2 : mx + 5);
        label.setY(horizontal ? my - 5 : my + 4);
    }

    /** Pixels along the route, from each end, that never take a click: a port's grab radius and the hit line's half width. */
    private static final double PORT_CLEARANCE = 16;

    /** The route without its first {@code by} pixels (measured along the route); empty when the route is shorter. */
    private static double[] trimmedStart(double[] pts, double by) {
        double left = by;
        for (int i = 0; i + 3 < pts.length; i += 2) {
            double dx = pts[i + 2] - pts[i];
            double dy = pts[i + 3] - pts[i + 1];
            double len = Math.hypot(dx, dy);
            if (len > left) {
                double[] out = new double[pts.length - i];
                out[0] = pts[i] + dx / len * left;
                out[1] = pts[i + 1] + dy / len * left;
                System.arraycopy(pts, i + 2, out, 2, pts.length - i - 2);
                return out;
            }
            left -= len;
        }
        return new double[0];
    }

    private static double[] reversed(double[] pts) {
        double[] out = new double[pts.length];
        for (int i = 0; i < pts.length; i += 2) {
            out[pts.length - 2 - i] = pts[i];
            out[pts.length - 1 - i] = pts[i + 1];
        }
        return out;
    }

    private static Double[] boxed(double[] pts) {
        Double[] out = new Double[pts.length];
        for (int i = 0; i < pts.length; i++) {
            out[i] = pts[i];
        }
        return out;
    }

    /** The points the wire is drawn through, in canvas coordinates. */
    List<double[]> points() {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < line.getPoints().size(); i += 2) {
            out.add(new double[] {line.getPoints().get(i), line.getPoints().get(i + 1)});
        }
        return out;
    }

    /** Where the wire ends (the input port, or a collapsed group's edge). */
    double[] end() {
        return end.clone();
    }

    void setShape(String text) {
        label.setText(text);
        hover.setText(text);
    }

    private final Tooltip hover = new Tooltip();

    /** The label's width and height as drawn. */
    double[] labelSize() {
        label.applyCss(); // the theme's font, so the box is the size the label will be drawn at
        Bounds b = label.getLayoutBounds();
        return new double[] {b.getWidth(), b.getHeight()};
    }

    /** Shows the label in this box (world coordinates), its text read on the wire. */
    void labelAt(Bounds box) {
        label.setVisible(true);
        Bounds now = label.getLayoutBounds(); // a Text's bounds include its x and y
        label.setX(box.getMinX() + label.getX() - now.getMinX());
        label.setY(box.getMinY() + label.getY() - now.getMinY());
        Tooltip.uninstall(hit, hover);
    }

    /** No room for the label (or another wire of the same output shows it): the shape shows on hover. */
    void labelOnHoverOnly() {
        label.setVisible(false);
        Tooltip.install(hit, hover);
    }

    boolean labelShown() {
        return label.isVisible() && !label.getText().isEmpty();
    }

    /** Where the label is drawn, in this view's coordinates. */
    Bounds labelBounds() {
        return label.getBoundsInParent();
    }

    String shapeText() {
        return label.getText();
    }

    static void setPath(CubicCurve c, double sx, double sy, double tx, double ty) {
        double dx = Math.max(50, Math.abs(tx - sx) / 2);
        c.setStartX(sx);
        c.setStartY(sy);
        c.setControlX1(sx + dx);
        c.setControlY1(sy);
        c.setControlX2(tx - dx);
        c.setControlY2(ty);
        c.setEndX(tx);
        c.setEndY(ty);
    }
}
