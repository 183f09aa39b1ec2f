package dev.deepwire.ui.editor;

import dev.deepwire.model.Node;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.shape.Rectangle;

/**
 * Selecting by dragging a rectangle over empty canvas: every block and note it touches joins the selection (notes had
 * been left out, so a dragged selection left them behind).
 */
final class RubberBand {
    private final EditorViewModel vm;
    private final CanvasViews views;
    private final Rectangle band = new Rectangle();
    private Point2D start;

    RubberBand(EditorViewModel vm, CanvasViews views) {
        this.vm = vm;
        this.views = views;
        band.getStyleClass().add("rubber-band");
        band.setVisible(false);
    }

    /** The rectangle (the canvas puts it in its world layer). */
    Rectangle shape() {
        return band;
    }

    void begin(Point2D world) {
        start = world;
    }

    boolean active() {
        return start != null;
    }

    void dragTo(Point2D p) {
        band.setVisible(true);
        band.setX(Math.min(p.getX(), start.getX()));
        band.setY(Math.min(p.getY(), start.getY()));
        band.setWidth(Math.abs(p.getX() - start.getX()));
        band.setHeight(Math.abs(p.getY() - start.getY()));
    }

    void end() {
        if (band.isVisible()) {
            Bounds b = band.getBoundsInParent();
            for (Node n : vm.graph().nodes()) {
                // a block hidden in a collapsed group is taken with its box, never by where it would be shown; a block
                // without a view is measured from the model (asking for its view made one for every block of the graph)
                Bounds at = views.collapsedBoxOf(n.id()).map(javafx.scene.Node::getBoundsInParent)
                        .orElseGet(() -> views.bounds().modelBounds(n));
                if (b.intersects(at)) {
                    vm.selection().add(n.id());
                }
            }
            for (var n : vm.graph().notes()) { // after the blocks: picking blocks clears the notes picked before
                NoteView v = views.note(n.id());
                if (v != null && b.intersects(v.getBoundsInParent())) {
                    vm.selectedNotes().add(n.id());
                }
            }
        }
        band.setVisible(false);
        start = null;
    }
}
