package dev.deepwire.ui.editor;

import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Transform;
import javafx.scene.transform.Translate;

/**
 * What part of the graph the canvas shows: the pan and zoom of the world layer, and the one place where points
 * convert between the canvas pane, the scene and the world (graph coordinates).
 */
final class Viewport {
    static final double MIN_ZOOM = 0.1;
    static final double MAX_ZOOM = 4;
    private final Region pane;
    private final Group world;
    // Explicit transforms: scaleX/scaleY on a Group pivot on its centre, which moves as blocks move.
    private final Translate pan = new Translate();
    private final Scale scale = new Scale(1, 1, 0, 0);

    Viewport(Region pane, Group world) {
        this.pane = pane;
        this.world = world;
        world.getTransforms().setAll(pan, scale);
    }

    /** What changes the visible part. */
    List<ObservableValue<Number>> changes() {
        return List.of(pan.xProperty(), pan.yProperty(), scale.xProperty(), pane.widthProperty(), pane.heightProperty());
    }

    /** A point of the pane in world coordinates. */
    Point2D toWorld(double x, double y) {
        return world.parentToLocal(x, y);
    }

    /** A world point in the pane's coordinates. */
    Point2D fromWorld(double x, double y) {
        return world.localToParent(x, y);
    }

    /** A scene point (a mouse event's) in world coordinates. */
    Point2D sceneToWorld(double sceneX, double sceneY) {
        Point2D local = pane.sceneToLocal(sceneX, sceneY);
        return toWorld(local.getX(), local.getY());
    }

    /** A scene point in the pane's coordinates. */
    Point2D sceneToPane(double sceneX, double sceneY) {
        return pane.sceneToLocal(sceneX, sceneY);
    }

    /** The part of the world visible now. */
    Bounds visible() {
        Point2D a = toWorld(0, 0);
        Point2D b = toWorld(Math.max(1, pane.getWidth()), Math.max(1, pane.getHeight()));
        return new BoundingBox(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY());
    }

    double zoom() {
        return scale.getX();
    }

    /** The zoom, to follow. */
    javafx.beans.property.DoubleProperty zoomProperty() {
        return scale.xProperty();
    }

    double panX() {
        return pan.getX();
    }

    double panY() {
        return pan.getY();
    }

    void panTo(double x, double y) {
        pan.setX(x);
        pan.setY(y);
    }

    void panBy(double dx, double dy) {
        panTo(pan.getX() + dx, pan.getY() + dy);
    }

    /** Scrolls so the world point (x, y) is in the middle of the pane. */
    void centreOn(double x, double y) {
        Point2D now = fromWorld(x, y);
        panBy(pane.getWidth() / 2 - now.getX(), pane.getHeight() / 2 - now.getY());
    }

    /** Zooms by a factor keeping the world point under the pane point (x, y) in place. */
    void zoomAt(double factor, double x, double y) {
        double s = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, scale.getX() * factor));
        Point2D before = toWorld(x, y);
        setZoom(s);
        Point2D after = fromWorld(before.getX(), before.getY());
        panBy(x - after.getX(), y - after.getY());
    }

    private void setZoom(double s) {
        scale.setX(s);
        scale.setY(s);
    }

    /** 100 %, the world's origin at the top left. */
    void reset() {
        setZoom(1);
        panTo(0, 0);
    }

    /**
     * Shows {@code drawing} centred in the pane's top-left {@code width} × {@code height}, at a zoom that fits with
     * a margin, never above 100 %.
     */
    void fit(Bounds drawing, double width, double height) {
        fit(drawing, width, height, java.util.function.DoubleUnaryOperator.identity());
    }

    /**
     * As {@link #fit(Bounds, double, double)}, at the zoom {@code choose} makes of the fitting one. Where that zoom is
     * larger than fits, the drawing stays centred along the side it fits and starts at the view's edge (with the margin)
     * along the side it does not: its inputs, top left, in view.
     */
    void fit(Bounds drawing, double width, double height, java.util.function.DoubleUnaryOperator choose) {
        double fits = fitScale(drawing, width, height);
        double s = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, choose.applyAsDouble(fits)));
        setZoom(s);
        boolean larger = s > fits + 1e-9; // chosen over the fitting zoom: the drawing may not fit
        panTo(along(drawing.getMinX(), drawing.getWidth(), width, s, larger),
                along(drawing.getMinY(), drawing.getHeight(), height, s, larger));
    }

    /**
     * The pan along one side: centred, or — at a zoom {@code larger} than fits, where the drawing is wider than the room
     * there — its start at the margin. (A drawing too large even at the least zoom stays centred, as before.)
     */
    private static double along(double min, double size, double room, double s, boolean larger) {
        return !larger || size * s <= room - 40 ? (room - size * s) / 2 - min * s : 20 - min * s;
    }

    /** The zoom {@link #fit} would choose. */
    static double fitScale(Bounds b, double width, double height) {
        return Math.max(MIN_ZOOM, Math.min(1, Math.min((width - 40) / b.getWidth(), (height - 40) / b.getHeight())));
    }

    /** Undoes the zoom, for pictures of the world at full size. */
    Transform unzoom() {
        return new Scale(1 / scale.getX(), 1 / scale.getY());
    }
}
