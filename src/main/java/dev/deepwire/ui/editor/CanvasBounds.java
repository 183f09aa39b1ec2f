package dev.deepwire.ui.editor;

import dev.deepwire.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Group;

/**
 * Where things are on the canvas, in world coordinates: a block (from its view, or from the model where it has none
 * yet), the whole graph, what fit view shows, what placement keeps clear of and what step mode's badges keep clear of.
 * Reads {@link CanvasViews}' views and layers; changes nothing.
 */
final class CanvasBounds {
    private final EditorViewModel vm;
    private final Map<String, NodeView> nodes;
    private final GroupViews groups;
    private final NoteViews notes;
    private final Group nodeLayer;
    private final Group edgeLayer;
    private final Group noteLayer;
    private final BooleanSupplier culling;

    CanvasBounds(EditorViewModel vm, Map<String, NodeView> nodes, GroupViews groups, NoteViews notes,
                 Group nodeLayer, Group edgeLayer, Group noteLayer, BooleanSupplier culling) {
        this.vm = vm;
        this.nodes = nodes;
        this.groups = groups;
        this.notes = notes;
        this.nodeLayer = nodeLayer;
        this.edgeLayer = edgeLayer;
        this.noteLayer = noteLayer;
        this.culling = culling;
    }

    /** Where a block is drawn, from the model (its view may not exist yet). */
    Bounds modelBounds(Node n) {
        NodeView v = nodes.get(n.id());
        if (v != null) {
            return v.getBoundsInParent();
        }
        return new BoundingBox(n.x(), n.y(), NodeView.WIDTH, NodeView.heightFor(vm.catalog().find(n.type()).orElse(null)));
    }

    /** The extent of every block, from the model. */
    Bounds graphBounds() {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Node node : vm.graph().nodes()) {
            Bounds b = modelBounds(node);
            minX = Math.min(minX, b.getMinX());
            minY = Math.min(minY, b.getMinY());
            maxX = Math.max(maxX, b.getMaxX());
            maxY = Math.max(maxY, b.getMaxY());
        }
        return new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    /** What fit view shows: blocks, wires and notes (from the model for large graphs). */
    Bounds drawingBounds() {
        Bounds n = culling.getAsBoolean() ? graphBounds() : nodeLayer.getBoundsInParent();
        Bounds w = edgeLayer.getChildren().isEmpty() || culling.getAsBoolean() ? n : edgeLayer.getBoundsInParent();
        Bounds t = noteLayer.getChildren().isEmpty() ? n : noteLayer.getBoundsInParent(); // notes are part of the drawing
        double minX = Math.min(n.getMinX(), Math.min(w.getMinX(), t.getMinX()));
        double minY = Math.min(n.getMinY(), Math.min(w.getMinY(), t.getMinY()));
        return new BoundingBox(minX, minY, Math.max(n.getMaxX(), Math.max(w.getMaxX(), t.getMaxX())) - minX,
                Math.max(n.getMaxY(), Math.max(w.getMaxY(), t.getMaxY())) - minY);
    }

    /** Where each block and note is, in world coordinates (from the model where a block has no view). */
    List<Bounds> occupiedWorldBounds() {
        List<Bounds> all = new ArrayList<>();
        for (Node n : vm.graph().nodes()) {
            NodeView v = nodes.get(n.id());
            all.add(v != null && v.isVisible() ? v.getBoundsInParent() : new BoundingBox(n.x(), n.y(), NodeView.WIDTH, 90));
        }
        notes.all().forEach(v -> all.add(v.getBoundsInParent()));
        return all;
    }

    /**
     * What is drawn where, as it is now: shown blocks, collapsed groups' boxes and notes — not the blocks a collapsed
     * group hides (step mode's wire badges had been pushed away from the empty room those would take).
     */
    List<Bounds> shownWorldBounds() {
        List<Bounds> all = new ArrayList<>();
        nodes.values().stream().filter(javafx.scene.Node::isVisible).forEach(v -> all.add(v.getBoundsInParent()));
        groups.all().stream().filter(g -> g.isVisible() && g.getParent() == nodeLayer) // a collapsed box
                .forEach(g -> all.add(g.getBoundsInParent()));
        notes.all().forEach(v -> all.add(v.getBoundsInParent()));
        return all;
    }

    /** What each group takes expanded, collapsed ones as they will be ({@link GroupViews#expandedExtents}). */
    List<Bounds> groupExtents() {
        return groups.expandedExtents(this::modelBounds);
    }
}
