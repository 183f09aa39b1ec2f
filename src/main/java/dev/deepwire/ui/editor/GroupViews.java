package dev.deepwire.ui.editor;

import dev.deepwire.model.Graph;
import dev.deepwire.model.Node;
import dev.deepwire.model.NodeGroup;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Group;

/**
 * The canvas's group views: an expanded group is a frame below everything, a collapsed one a box among the blocks; the
 * name of either is drawn above blocks and notes (a block just above the group, or a note over the box, hid it).
 * A group's view is remade only when the group or its summary changed.
 */
final class GroupViews {
    private final EditorViewModel vm;
    private final Group frames;
    private final Group boxes;
    private final Group titles;
    private final Consumer<GroupView> gestures;
    private final Map<String, GroupView> groups = new LinkedHashMap<>();
    private final Map<String, String> summaries = new HashMap<>();

    /**
     * @param frames where expanded groups are drawn
     * @param boxes  where collapsed groups are drawn (the block layer)
     * @param titles where groups' names are drawn (a layer above the blocks and notes, in the same coordinates)
     */
    GroupViews(EditorViewModel vm, Group frames, Group boxes, Group titles, Consumer<GroupView> gestures) {
        this.vm = vm;
        this.frames = frames;
        this.boxes = boxes;
        this.titles = titles;
        this.gestures = gestures;
    }

    private int zoomLevel = BlockDetail.DETAIL;

    /** Every group's name at a zoom level ({@link GroupView#showZoom}). */
    void showZoom(int level) {
        zoomLevel = level;
        groups.values().forEach(g -> g.showZoom(level));
    }

    /** Group views are remade only for groups that changed (members, name, collapsed, or their summary). */
    void sync(Graph graph) {
        Set<String> present = new HashSet<>();
        for (NodeGroup g : graph.groups()) {
            present.add(g.id());
            long params = g.members().stream().mapToLong(id -> vm.analysisProperty().get().shapes().paramCounts().getOrDefault(id, 0L)).sum();
            String summary = g.members().size() + " blocks · " + String.format("%,d", params) + " params";
            GroupView old = groups.get(g.id());
            if (old != null && old.group().equals(g) && summary.equals(summaries.get(g.id()))) {
                continue;
            }
            if (old != null) {
                remove(old);
            }
            GroupView view = new GroupView(g, summary);
            view.showZoom(zoomLevel);
            gestures.accept(view);
            groups.put(g.id(), view);
            summaries.put(g.id(), summary);
            // Collapsed boxes sit with the blocks, expanded frames below everything.
            (g.collapsed() ? boxes : frames).getChildren().add(view);
            titles.getChildren().add(view.title()); // above blocks and notes, the box's too
        }
        groups.keySet().removeIf(id -> {
            if (!present.contains(id)) {
                remove(groups.get(id));
                summaries.remove(id);
                return true;
            }
            return false;
        });
    }

    private void remove(GroupView view) {
        frames.getChildren().remove(view);
        boxes.getChildren().remove(view);
        titles.getChildren().remove(view.title());
    }

    /**
     * Draws the boxes of these (collapsed, wholly selected) groups as selected, and no other; a collapsed box that
     * hides some of {@code blocks} (selected by step mode, or by Train naming the block at fault) is outlined as
     * holding the selection — the block inspector had edited a block no one saw, in a box drawn unselected.
     */
    void showSelection(java.util.List<NodeGroup> selected, Set<String> blocks) {
        Set<String> ids = new HashSet<>();
        selected.forEach(g -> ids.add(g.id()));
        groups.forEach((id, v) -> {
            v.setSelected(ids.contains(id));
            v.setHoldsSelection(!ids.contains(id) && v.group().collapsed()
                    && v.group().members().stream().anyMatch(blocks::contains));
        });
    }

    /** The collapsed group a block is hidden in, if any. */
    Optional<GroupView> collapsedGroupOf(String nodeId) {
        return groups.values().stream().filter(g -> g.group().collapsed() && g.group().members().contains(nodeId)).findFirst();
    }

    /** Places each group around its members ({@code bounds}: where a block is drawn). */
    void layout(Function<Node, Bounds> bounds) {
        for (GroupView g : groups.values()) {
            members(g.group(), bounds).ifPresent(g::place);
        }
    }

    /**
     * What every group takes on the canvas expanded ({@link GroupView#frameAround}), collapsed ones too: a note or block
     * placed while a group was collapsed had gone where its blocks would come back, covered once it was expanded.
     */
    java.util.List<Bounds> expandedExtents(Function<Node, Bounds> bounds) {
        return groups.values().stream().flatMap(g -> members(g.group(), bounds).map(GroupView::frameAround).stream()).toList();
    }

    /** The extent of a group's blocks ({@code bounds}: where a block is drawn), empty when none is left. */
    private Optional<Bounds> members(NodeGroup group, Function<Node, Bounds> bounds) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (String id : group.members()) {
            Node n = vm.graph().node(id).orElse(null);
            if (n != null) {
                Bounds b = bounds.apply(n);
                minX = Math.min(minX, b.getMinX());
                minY = Math.min(minY, b.getMinY());
                maxX = Math.max(maxX, b.getMaxX());
                maxY = Math.max(maxY, b.getMaxY());
            }
        }
        return minX <= maxX ? Optional.of(new BoundingBox(minX, minY, maxX - minX, maxY - minY)) : Optional.empty();
    }

    Collection<GroupView> all() {
        return groups.values();
    }

    GroupView get(String id) {
        return groups.get(id);
    }
}
