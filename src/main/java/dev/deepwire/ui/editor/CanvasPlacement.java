package dev.deepwire.ui.editor;

import dev.deepwire.model.BlockType;
import dev.deepwire.model.Port;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;

/**
 * Where the canvas puts what is added to it — a note (Edit ▸ Add Note), a block double-clicked in the palette, a block
 * chosen in quick-add — in view and clear of blocks, notes, groups and the minimap, scrolling to it where it goes past
 * the view's edge ({@link NotePlacement} finds the spots). Split out of {@link GraphCanvas}.
 */
final class CanvasPlacement {
    private final EditorViewModel vm;
    private final GraphCanvas canvas;
    private final Viewport viewport;
    private final CanvasViews views;
    private final Minimap minimap;

    CanvasPlacement(EditorViewModel vm, GraphCanvas canvas, Viewport viewport, CanvasViews views, Minimap minimap) {
        this.vm = vm;
        this.canvas = canvas;
        this.viewport = viewport;
        this.views = views;
        this.minimap = minimap;
    }

    /**
     * Adds a note on the free spot in view nearest the middle, clear of blocks and notes (in the middle, above
     * them, when nothing in view is free: the view never jumps), and opens it for writing, focused.
     */
    void addNoteAtCentre() {
        Bounds visible = canvas.visibleWorldBounds();
        Point2D spot = NotePlacement.freeSpot(visible, occupiedInView()).orElseGet(() -> {
            Point2D c = canvas.visibleCentre();
            return new Point2D(c.getX() - NoteView.WIDTH / 2, c.getY() - 30);
        });
        String id = vm.addNote("", spot.getX(), spot.getY());
        NoteView v = views.note(id);
        if (v != null) {
            v.edit();
        }
    }

    /**
     * Adds a block of this type on the free spot in view nearest the middle, clear of blocks and notes (just outside
     * the view, scrolled to, when nothing in view is free): a second block double-clicked in the palette had landed
     * 32 px from the first, covering its output port and name.
     */
    String addBlockInView(BlockType type) {
        double h = NodeView.heightFor(type);
        Point2D c = canvas.visibleCentre();
        Point2D spot = blockSpotNear(type, new Point2D(c.getX() - NodeView.WIDTH / 2, c.getY() - h / 2), null);
        return vm.addBlock(type.id(), Math.round(spot.getX()), Math.round(spot.getY()));
    }

    /**
     * Where a new block of this type goes when asked for at {@code wanted} (its top-left, in world coordinates): there
     * when that is free and in view, else the nearest free spot in view — never under the minimap or past the canvas's
     * edge (a block chosen after dropping a wire on empty canvas had gone exactly where the wire was dropped). When
     * nothing in view is free, the nearest free spot around the view ({@link NotePlacement#freeSpotAround}); after a
     * wire dropped from {@code from}, right of its block ({@link NotePlacement#freeSpotAfter}): either scrolled into
     * view where it is past the view's edge — never on another block.
     */
    Point2D blockSpotNear(BlockType type, Point2D wanted, Port from) {
        double h = NodeView.heightFor(type);
        Bounds visible = canvas.visibleWorldBounds();
        Optional<dev.deepwire.model.Node> source = Optional.ofNullable(from).flatMap(f -> vm.graph().node(f.nodeId()));
        if (source.isPresent()) {
            Point2D after = NotePlacement.freeSpotAfter(visible, occupiedInView(), NodeView.WIDTH, h, wanted,
                    views.bounds().modelBounds(source.get()));
            reveal(new javafx.geometry.BoundingBox(after.getX(), after.getY(), NodeView.WIDTH, h));
            return after;
        }
        java.util.List<Bounds> occupied = occupiedInView();
        Optional<Point2D> inView = NotePlacement.freeSpot(visible, occupied, NodeView.WIDTH, h, wanted);
        if (inView.isPresent()) {
            return inView.get();
        }
        Point2D around = NotePlacement.freeSpotAround(visible, occupied, NodeView.WIDTH, h, wanted);
        reveal(new javafx.geometry.BoundingBox(around.getX(), around.getY(), NodeView.WIDTH, h));
        return around;
    }

    /**
     * Scrolls as little as shows {@code box} (world coordinates) whole, clear of the minimap's side; not at all when it
     * is shown whole already. The one way the canvas brings something into view: a block placed past the edge, the
     * block an arrow key selects (which had re-centred the whole view, so the block just left jumped away).
     */
    void reveal(Bounds box) {
        Bounds v = canvas.visibleWorldBounds();
        if (v.contains(box) && !underMinimap(box)) {
            return; // seen whole already: the view stays where the person left it
        }
        double room = 24 / canvas.zoom();
        panToShow(box, room);
        if (underMinimap(box)) { // scrolled to the corner the minimap covers: clear of its side instead
            panToShow(box, (minimap.getWidth() + 24) / canvas.zoom());
        }
    }

    /** Pans as little as puts {@code box} in view with {@code room} around it ({@code right} on the right). */
    private void panToShow(Bounds box, double right) {
        Bounds v = canvas.visibleWorldBounds();
        double room = 24 / canvas.zoom();
        double dx = box.getMaxX() + right > v.getMaxX() ? v.getMaxX() - right - box.getMaxX()
                : box.getMinX() - room < v.getMinX() ? v.getMinX() + room - box.getMinX() : 0;
        double dy = box.getMaxY() + room > v.getMaxY() ? v.getMaxY() - room - box.getMaxY()
                : box.getMinY() - room < v.getMinY() ? v.getMinY() + room - box.getMinY() : 0;
        viewport.panBy(dx * canvas.zoom(), dy * canvas.zoom());
    }

    /** Whether the minimap covers part of {@code box} (world coordinates). */
    private boolean underMinimap(Bounds box) {
        if (!minimap.isVisible()) {
            return false;
        }
        Bounds m = minimap.getBoundsInParent();
        Point2D a = canvas.toWorld(m.getMinX(), m.getMinY());
        Point2D b = canvas.toWorld(m.getMaxX(), m.getMaxY());
        return box.intersects(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY());
    }

    /** What a new block or note must not cover: blocks, notes, groups (as they are or will be expanded) and the minimap. */
    private java.util.List<Bounds> occupiedInView() {
        java.util.List<Bounds> occupied = new java.util.ArrayList<>(views.bounds().occupiedWorldBounds());
        occupied.addAll(views.bounds().groupExtents()); // a group collapsed now takes its room back when expanded
        if (minimap.isVisible()) {
            // in this pane's coordinates, with room for what a block draws past its box (ports, shadow)
            Bounds m = minimap.getBoundsInParent();
            double room = 16;
            Point2D a = canvas.toWorld(m.getMinX() - room, m.getMinY() - room);
            Point2D b = canvas.toWorld(m.getMaxX() + room, m.getMaxY() + room);
            occupied.add(new javafx.geometry.BoundingBox(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY()));
        }
        return occupied;
    }
}
