package dev.deepwire.ui.editor;

import java.util.List;
import java.util.Optional;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;

/**
 * Where something added goes — the one owner of that: a new note, a block double-clicked in the palette (the free spot
 * in view nearest the view's centre), a block chosen in quick-add (the free spot in view nearest where the wire was
 * dropped or the canvas double-clicked), each clear of every block, note and the minimap.
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
        return freeSpot(visible, occupied, w, h, new Point2D(visible.getMinX() + visible.getWidth() / 2 - w / 2,
                visible.getMinY() + visible.getHeight() / 2 - h / 2));
    }

    /**
     * The top-left corner of a {@code w} × {@code h} box inside {@code visible}, overlapping none of {@code occupied},
     * nearest {@code near} (the top-left asked for: itself when it is free and in view); where nothing in view is free
     * with the usual margin, the nearest spot that only touches its neighbours (a second block double-clicked into a
     * small window had landed on the first, 32 px off); empty when nothing in view is free at all.
     */
    static Optional<Point2D> freeSpot(Bounds visible, List<Bounds> occupied, double w, double h, Point2D near) {
        return freeSpot(visible, occupied, w, h, near, MARGIN, STEP).or(() -> freeSpot(visible, occupied, w, h, near, 1, 4));
    }

    /** The room left between a wire's own block and a block added at the wire's end. */
    static final double AFTER_GAP = 40;

    /**
     * Where a block added by dropping a wire from {@code source}'s output goes: in the wire's direction, right of the
     * block it is wired from ({@link #AFTER_GAP} clear of it) — at {@code near} when that is there and free, else the
     * nearest free spot on that side, in view when there is one, else past the view's right edge (the canvas grows:
     * the caller scrolls to it). Never left of or above the block, never on another. The nearest free spot anywhere
     * had put it behind its own block, the wire running back through it — and, with no room right of the block in
     * view, above and left of it.
     */
    static Point2D freeSpotAfter(Bounds visible, List<Bounds> occupied, double w, double h, Point2D near, Bounds source) {
        double minX = Math.max(visible.getMinX(), source.getMaxX() + AFTER_GAP);
        double top = visible.getMinY();
        double height = Math.max(visible.getHeight(), h + 2 * MARGIN);
        Point2D wanted = new Point2D(Math.max(near.getX(), minX), near.getY());
        if (minX + w <= visible.getMaxX()) {
            Bounds side = new BoundingBox(minX, top, visible.getMaxX() - minX, height);
            Optional<Point2D> inView = freeSpot(side, occupied, w, h, wanted);
            if (inView.isPresent()) {
                return inView.get();
            }
        }
        // past the view: strips of one block's width further right, until one has room
        double reach = Math.max(visible.getMaxX(), minX + w + 2 * MARGIN);
        for (int i = 0; i < 40; i++, reach += w + 2 * MARGIN) {
            Bounds side = new BoundingBox(minX, top, reach - minX, height);
            Optional<Point2D> spot = freeSpot(side, occupied, w, h, wanted, MARGIN, STEP);
            if (spot.isPresent()) {
                return spot.get();
            }
        }
        double right = occupied.stream().filter(b -> b.getMaxY() > top && b.getMinY() < top + height)
                .mapToDouble(Bounds::getMaxX).max().orElse(minX);
        return new Point2D(Math.max(minX, right + AFTER_GAP), wanted.getY());
    }

    /**
     * Where a {@code w} × {@code h} block goes when nothing in {@code visible} is free: the free spot nearest
     * {@code near} in ever wider rings around the view (the canvas grows; the caller scrolls to it), else right of
     * everything at {@code near}'s height. Never on another block: it had been put on top of one, in the view's middle.
     */
    static Point2D freeSpotAround(Bounds visible, List<Bounds> occupied, double w, double h, Point2D near) {
        double ring = Math.max(w, h) + 2 * MARGIN;
        for (int k = 1; k <= 4; k++) {
            Bounds around = new BoundingBox(visible.getMinX() - k * ring, visible.getMinY() - k * ring,
                    visible.getWidth() + 2 * k * ring, visible.getHeight() + 2 * k * ring);
            Optional<Point2D> spot = freeSpot(around, occupied, w, h, near, MARGIN, STEP);
            if (spot.isPresent()) {
                return spot.get();
            }
        }
        double right = occupied.stream().mapToDouble(Bounds::getMaxX).max().orElse(near.getX());
        return new Point2D(Math.max(near.getX(), right + AFTER_GAP), near.getY());
    }

    /**
     * Where each of {@code movable} (an id and where it is) that overlaps {@code covered} (where a group's blocks are
     * drawn) goes so that none of them is covered: the free spot nearest where it was, clear of {@code frame} (the
     * whole group, its name and margin), of {@code fixed} and of one another. Those that only touch the frame's margin
     * stay where they are (the row above a group is not pushed about); the others are left out.
     */
    static java.util.Map<String, Point2D> outOf(Bounds covered, Bounds frame, java.util.Map<String, Bounds> movable,
                                                List<Bounds> fixed) {
        List<Bounds> occupied = new java.util.ArrayList<>(fixed);
        occupied.add(frame);
        movable.values().stream().filter(b -> !b.intersects(covered)).forEach(occupied::add);
        java.util.Map<String, Point2D> moved = new java.util.LinkedHashMap<>();
        movable.forEach((id, b) -> {
            if (!b.intersects(covered)) {
                return;
            }
            double reach = 240 + Math.max(b.getWidth(), b.getHeight());
            Bounds around = new BoundingBox(frame.getMinX() - reach, frame.getMinY() - reach,
                    frame.getWidth() + 2 * reach, frame.getHeight() + 2 * reach);
            Point2D spot = freeSpot(around, occupied, b.getWidth(), b.getHeight(), new Point2D(b.getMinX(), b.getMinY()),
                    MARGIN, STEP).orElseGet(() -> new Point2D(frame.getMaxX() + 2 * MARGIN, b.getMinY()));
            moved.put(id, spot);
            occupied.add(new BoundingBox(spot.getX(), spot.getY(), b.getWidth(), b.getHeight()));
        });
        return moved;
    }

    private static Optional<Point2D> freeSpot(Bounds visible, List<Bounds> occupied, double w, double h, Point2D near,
                                              double margin, double step) {
        double cx = near.getX();
        double cy = near.getY();
        if (cx >= visible.getMinX() && cy >= visible.getMinY() && cx + w <= visible.getMaxX() && cy + h <= visible.getMaxY()
                && isFree(new BoundingBox(cx - margin, cy - margin, w + 2 * margin, h + 2 * margin), occupied)) {
            return Optional.of(near);
        }
        Point2D best = null;
        double bestDistance = Double.MAX_VALUE;
        for (double x = visible.getMinX() + margin; x + w + margin <= visible.getMaxX(); x += step) {
            for (double y = visible.getMinY() + margin; y + h + margin <= visible.getMaxY(); y += step) {
                double d = Math.hypot(x - cx, y - cy);
                if (d < bestDistance && isFree(new BoundingBox(x - margin, y - margin, w + 2 * margin, h + 2 * margin), occupied)) {
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

    /**
     * For each note of {@code graph}, the text height its card may take zoomed out ({@link #roomBelow}, less its
     * padding): blocks ({@code blockHeight} tall) and the other notes at their zoom-1 size are what it keeps clear of.
     */
    static java.util.Map<String, Double> roomsBelow(dev.deepwire.model.Graph graph,
                                                    java.util.function.ToDoubleFunction<String> blockHeight) {
        double pad = 20; // the card's padding, top and bottom
        List<Bounds> items = new java.util.ArrayList<>();
        graph.nodes().forEach(n -> items.add(new BoundingBox(n.x(), n.y(), NodeView.WIDTH, blockHeight.applyAsDouble(n.id()))));
        java.util.Map<String, Bounds> cards = new java.util.LinkedHashMap<>();
        graph.notes().forEach(n -> cards.put(n.id(), new BoundingBox(n.x(), n.y(), NoteView.WIDTH,
                BlockDetail.noteTextHeight(n.text(), BlockDetail.NOTE_BASE) + pad)));
        double bottom = java.util.stream.Stream.concat(items.stream(), cards.values().stream())
                .mapToDouble(Bounds::getMaxY).max().orElse(0);
        java.util.Map<String, Double> rooms = new java.util.HashMap<>();
        cards.forEach((id, card) -> {
            List<Bounds> others = new java.util.ArrayList<>(items);
            cards.forEach((other, b) -> {
                if (!other.equals(id)) {
                    others.add(b);
                }
            });
            rooms.put(id, roomBelow(card, others, bottom) - pad);
        });
        return rooms;
    }

    /**
     * How tall a note whose card is {@code note} at zoom 1 may grow downwards when zoomed out: to the first thing below
     * it that it spans ({@code others}, with the margin), else to {@code bottom} (the drawing's lowest edge) or to twice
     * its own height, whichever is lower down — the lowest note had no room to grow at all, and at Fit view its text was
     * cut; Fit view measures the notes as they are drawn at the zoom it chooses, so the frame takes them whole. Never
     * less than its own height, and no more when something already overlaps it.
     */
    static double roomBelow(Bounds note, List<Bounds> others, double bottom) {
        double limit = Math.max(note.getMaxY() + note.getHeight(), bottom);
        for (Bounds o : others) {
            if (o.getMinX() < note.getMaxX() && o.getMaxX() > note.getMinX() && o.getMaxY() > note.getMinY()) {
                limit = Math.min(limit, o.getMinY() < note.getMaxY() ? note.getMaxY() : o.getMinY() - MARGIN);
            }
        }
        return Math.max(note.getHeight(), limit - note.getMinY());
    }
}
