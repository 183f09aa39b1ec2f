package dev.deepwire.ui.editor;

import java.util.List;
import java.util.Optional;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;

/**
 * Where something added without a pointer goes — a new note, a block double-clicked in the palette: the free spot
 * in view nearest the view's centre, clear of every block and note.
 */
final class NotePlacement {
    /** The room a new note takes while it is being written (its editor is about this tall). */
    static final double HEIGHT = 100;
    private static final double MARGIN = 12;
    private static final double STEP = 16;

    private NotePlacement() {
    }

    /**
     * The top-left corner of a {@link NoteView#WIDTH} × {@link #HEIGHT} note inside {@code visible}, nearest its
     * centre, overlapping none of {@code occupied} (with a small margin); empty when no such spot is in view.
     */
    static Optional<Point2D> freeSpot(Bounds visible, List<Bounds> occupied) {
        return freeSpot(visible, occupied, NoteView.WIDTH, HEIGHT);
    }

    /** The top-left corner of a {@code w} × {@code h} box inside {@code visible}, as {@link #freeSpot(Bounds, List)}. */
    static Optional<Point2D> freeSpot(Bounds visible, List<Bounds> occupied, double w, double h) {
        double cx = visible.getMinX() + visible.getWidth() / 2 - w / 2;
        double cy = visible.getMinY() + visible.getHeight() / 2 - h / 2;
        Point2D best = null;
        double bestDistance = Double.MAX_VALUE;
        for (double x = visible.getMinX() + MARGIN; x + w + MARGIN <= visible.getMaxX(); x += STEP) {
            for (double y = visible.getMinY() + MARGIN; y + h + MARGIN <= visible.getMaxY(); y += STEP) {
                double d = Math.hypot(x - cx, y - cy);
                if (d < bestDistance && isFree(new BoundingBox(x - MARGIN, y - MARGIN, w + 2 * MARGIN, h + 2 * MARGIN), occupied)) {
                    best = new Point2D(x, y);
                    bestDistance = d;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean isFree(Bounds spot, List<Bounds> occupied) {
        for (Bounds b : occupied) {
            if (b.intersects(spot)) {
                return false;
            }
        }
        return true;
    }
}
