package dev.deepwire.ui.editor;

import dev.deepwire.model.BlockType;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Node;
import dev.deepwire.model.NodeGroup;
import dev.deepwire.training.NodeHealth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;

/**
 * Keeps the canvas's views in step with the graph: after an edit only what changed is touched (a block's view is
 * updated in place, wires and groups that are still there keep their views), large graphs get views only near the
 * visible area, and wires are routed around blocks; notes are {@link NoteViews}', groups {@link GroupViews}', where
 * things are drawn {@link CanvasBounds}'.
 */
final class CanvasViews {
    /**
     * Graphs up to this size get a view for every block at once. Larger ones get views only for the blocks
     * in or near the visible area (and the far ends of their wires), made as the view pans and zooms:
     * building and styling a thousand block views took seconds before the window could show.
     */
    static final int VIEW_ALL_UP_TO = 300;
    /** Wires are routed around blocks in graphs up to this size (larger ones get plain curves: routing is quadratic). */
    static final int ROUTE_UP_TO = 120;

    private final EditorViewModel vm;
    private final Viewport viewport;
    private final Consumer<NodeView> nodeGestures;
    private final Consumer<EdgeView> edgeGestures;
    final Group groupLayer = new Group();
    final Group noteLayer = new Group();
    final Group nodeLayer = new Group();
    final Group edgeLayer = new Group();
    /** Expanded groups' names, above the blocks and wires so a block just above a group never hides its name. */
    final Group groupTitleLayer = new Group();
    private final Map<String, NodeView> nodes = new LinkedHashMap<>();
    private final Map<Edge, EdgeView> edges = new HashMap<>();
    private final GroupViews groups;
    private final NoteViews notes;
    private final CanvasBounds bounds;
    private final Set<String> hidden = new HashSet<>();
    private Map<String, NodeHealth> health = Map.of();
    private Edge selectedWire;
    /** Every block's title size zoomed out (0 close up): {@link #fitTitles}. */
    private double titleSize;

    /** The consumers give each new view its gestures. */
    CanvasViews(EditorViewModel vm, Viewport viewport, Consumer<NodeView> nodeGestures,
                Consumer<GroupView> groupGestures, Consumer<EdgeView> edgeGestures, Consumer<NoteView> noteGestures) {
        this.vm = vm;
        this.viewport = viewport;
        this.nodeGestures = nodeGestures;
        this.groups = new GroupViews(vm, groupLayer, nodeLayer, groupTitleLayer, groupGestures);
        this.edgeGestures = edgeGestures;
        this.notes = new NoteViews(vm, noteLayer, noteGestures);
        this.bounds = new CanvasBounds(vm, nodes, groups, notes, nodeLayer, edgeLayer, noteLayer, this::culling);
        viewport.zoomProperty().addListener((o, was, now) -> showZoom(now.doubleValue()));
    }

    /**
     * Each block at the detail {@code zoom} allows ({@link BlockDetail}): its title alone, larger, when zoomed out;
     * groups' names and notes' text larger too.
     */
    void showZoom(double zoom) {
        int level = level(zoom);
        fitTitles(level);
        groups.showZoom(level);
        notes.showZoom(level);
    }

    /**
     * Every shown block's title at one size at a zoom {@code level} ({@link BlockDetail#sharedTitleSize}): sized block
     * by block, short titles had stood twice as large as long ones beside them at Fit view.
     */
    private void fitTitles(int level) {
        titleSize = level == BlockDetail.DETAIL ? 0 : BlockDetail.sharedTitleSize(nodes.entrySet().stream()
                .filter(e -> !hidden.contains(e.getKey())).map(e -> e.getValue().titleMeasure()).toList(),
                BlockDetail.zoomOf(level));
        nodes.values().forEach(v -> v.showZoom(level, titleSize));
    }

    /** Below this zoom blocks show their titles alone ({@link BlockDetail#OVERVIEW_BELOW}, or higher: presenting). */
    private double overviewBelow = BlockDetail.OVERVIEW_BELOW;

    private int level(double zoom) {
        return BlockDetail.level(zoom, overviewBelow);
    }

    double overviewBelow() {
        return overviewBelow;
    }

    /**
     * Shows blocks' titles alone below {@code zoom}: presenting, up to where the lines close up read at the room's
     * least size (at 0.65 to 0.9 they were 7 to 10 px); drawn again at once.
     */
    void overviewBelow(double zoom) {
        if (zoom != overviewBelow) {
            overviewBelow = zoom;
            showZoom(viewport.zoom());
        }
    }

    /** The shown blocks' titles, measured ({@link BlockDetail#legibleZoom} sizes them). */
    java.util.List<BlockDetail.Measure> shownTitles() {
        return nodes.entrySet().stream().filter(e -> !hidden.contains(e.getKey()))
                .map(e -> e.getValue().titleMeasure()).toList();
    }

    /** How tall the shown blocks' titles are drawn on screen at {@code zoom}, in px (the smallest of them). */
    double titlePixelsNow(double zoom) {
        return nodes.entrySet().stream().filter(e -> !hidden.contains(e.getKey()) && e.getValue().isVisible())
                .mapToDouble(e -> e.getValue().titleFontSize() * zoom).min().orElse(0);
    }

    /** Brings the views up to date with the graph. */
    void sync() {
        Graph graph = vm.graph();
        nodes.keySet().removeIf(id -> {
            if (!graph.contains(id)) {
                nodeLayer.getChildren().remove(nodes.get(id));
                return true;
            }
            return false;
        });
        hidden.clear();
        graph.groups().stream().filter(NodeGroup::collapsed).forEach(g -> hidden.addAll(g.members()));
        Bounds near = culling() ? nearView() : null;
        for (Node n : graph.nodes()) {
            NodeView view = nodes.get(n.id());
            if (view != null) {
                view.update(n);
            } else if (near == null || near.intersects(bounds.modelBounds(n))) {
                realize(n);
            }
        }
        nodes.forEach((id, v) -> v.setVisible(!hidden.contains(id)));
        fitTitles(level(viewport.zoom())); // a title renamed, a block added or hidden: one size again
        groups.sync(graph);
        edges.keySet().removeIf(e -> {
            // hasEdge, not edges().contains: a list scan per wire view cost views × wires on every edit and undo (a
            // chain of 30,000 blocks spent most of an undo of one move here)
            if (!graph.hasEdge(e)) {
                edgeLayer.getChildren().remove(edges.get(e));
                return true;
            }
            return false;
        });
        if (selectedWire != null && !graph.hasEdge(selectedWire)) {
            selectedWire = null;
        }
        addEdgeViews();
        // a note's room below keeps clear of the blocks as drawn
        notes.sync(graph, level(viewport.zoom()), id -> nodes.containsKey(id) ? nodes.get(id).getPrefHeight()
                : NodeView.heightFor(null));
        showAnalysis();
        showSelection();
    }

    boolean culling() {
        return vm.graph().nodes().size() > VIEW_ALL_UP_TO;
    }

    /** The visible part of the canvas and a tenth of a screen around it, in canvas coordinates. */
    private Bounds nearView() {
        Bounds v = viewport.visible();
        return new BoundingBox(v.getMinX() - v.getWidth() / 10, v.getMinY() - v.getHeight() / 10, v.getWidth() * 1.2, v.getHeight() * 1.2);
    }

    /** The view of a block, made now if it has none yet. */
    private NodeView realize(Node n) {
        NodeView view = nodes.get(n.id());
        if (view != null) {
            return view;
        }
        view = new NodeView(n, vm.catalog().find(n.type()).orElse(null));
        nodeGestures.accept(view);
        nodes.put(n.id(), view);
        nodeLayer.getChildren().add(view);
        view.setVisible(!hidden.contains(n.id()));
        view.setSelected(vm.selection().contains(n.id()));
        view.showHealth(health.get(n.id()));
        view.showZoom(level(viewport.zoom()), titleSize); // sync sizes them all again
        showAnalysis(view);
        return view;
    }

    /** The view of a block, made now if the block has none (null for a block not in the graph). */
    NodeView view(String id) {
        NodeView v = nodes.get(id);
        return v != null ? v : vm.graph().node(id).map(this::realize).orElse(null);
    }

    /** Views for the wires touching a block with a view (making views for their far ends too). */
    private boolean addEdgeViews() {
        boolean added = false;
        Set<String> viewed = new HashSet<>(nodes.keySet()); // far ends made here do not spread further
        for (Edge e : vm.graph().edges()) {
            if (edges.containsKey(e) || !viewed.contains(e.from().nodeId()) && !viewed.contains(e.to().nodeId())) {
                continue;
            }
            view(e.from().nodeId());
            view(e.to().nodeId());
            EdgeView view = new EdgeView(e);
            edgeGestures.accept(view);
            view.setSelected(e.equals(selectedWire));
            edges.put(e, view);
            edgeLayer.getChildren().add(view);
            view.setShape(vm.analysisProperty().get().shapes().shapeOf(e).map(Object::toString).orElse("?"));
            added = true;
        }
        return added;
    }

    /** Makes views for the blocks in or near the visible area that have none (large graphs only). */
    void realizeVisible() {
        if (!culling()) {
            return;
        }
        Bounds near = nearView();
        int before = nodes.size();
        for (Node n : vm.graph().nodes()) {
            if (!nodes.containsKey(n.id()) && near.intersects(bounds.modelBounds(n))) {
                realize(n);
            }
        }
        if (nodes.size() != before && addEdgeViews()) {
            routeEdges(false);
        }
    }

    /** Keeps what is being typed in any note (before Save and close). */
    void commitNoteEdits() {
        notes.commitEdits();
    }

    /** Routes every wire around the blocks; {@code quick} (while dragging) draws plain curves. */
    void routeEdges(boolean quick) {
        groups.layout(bounds::modelBounds);
        List<WireRouter.Box> obstacles = quick || nodes.size() > ROUTE_UP_TO ? null : obstacles();
        List<EdgeView> ordered = edges.values().stream().sorted(Comparator.comparing((EdgeView e) -> e.edge().from().nodeId())
                .thenComparing(e -> e.edge().to().nodeId()).thenComparing(e -> e.edge().to().name())).toList();
        Map<EdgeView, Integer> spread = WireLabels.ranks(ordered);
        for (EdgeView v : ordered) {
            Optional<GroupView> fromGroup = groups.collapsedGroupOf(v.edge().from().nodeId());
            Optional<GroupView> toGroup = groups.collapsedGroupOf(v.edge().to().nodeId());
            NodeView from = nodes.get(v.edge().from().nodeId());
            NodeView to = nodes.get(v.edge().to().nodeId());
            boolean inside = fromGroup.isPresent() && fromGroup.equals(toGroup);
            v.setVisible(!inside);
            if (from != null && to != null && !inside) {
                double[] a = fromGroup.map(g -> g.anchor(false)).orElseGet(() -> from.portCentre(v.edge().from()));
                double[] b = toGroup.map(g -> g.anchor(true)).orElseGet(() -> to.portCentre(v.edge().to()));
                if (obstacles == null) {
                    v.route(a, b);
                } else {
                    v.route(WireLabels.spread(WireRouter.route(a[0], a[1], b[0], b[1], obstacles), spread.get(v)));
                }
            }
        }
        if (obstacles != null) {
            WireLabels.place(ordered, obstacles.stream().map(b -> (Bounds) new BoundingBox(b.x(), b.y(), b.w(), b.h())).toList());
        }
    }

    /** The boxes wires go around: visible blocks and collapsed groups. */
    private List<WireRouter.Box> obstacles() {
        List<WireRouter.Box> out = new ArrayList<>();
        nodes.forEach((id, v) -> {
            if (!hidden.contains(id)) {
                out.add(new WireRouter.Box(v.getLayoutX(), v.getLayoutY(), NodeView.WIDTH, Math.max(v.getHeight(), v.getPrefHeight())));
            }
        });
        // a collapsed group's box as drawn, as its wires' anchors are placed: its bounds take in the frame's shadow,
        // which put the anchors inside the obstacle and made the router give up (a straight wire through the blocks)
        groups.all().stream().filter(g -> g.group().collapsed()).forEach(g -> out.add(new WireRouter.Box(
                g.getLayoutX(), g.getLayoutY(), NodeView.WIDTH, GroupView.COLLAPSED_HEIGHT)));
        return out;
    }

    void showHealth(Map<String, NodeHealth> health) {
        this.health = health;
        nodes.forEach((id, v) -> v.showHealth(health.get(id)));
    }

    void healthChanged(String id) {
        NodeView v = nodes.get(id);
        if (v != null) {
            v.showHealth(health.get(id));
        }
    }

    void showAnalysis() {
        groups.sync(vm.graph()); // a collapsed group's parameter count comes from the analysis, which arrives after the edit
        GraphAnalysis a = vm.analysisProperty().get();
        for (NodeView v : nodes.values()) {
            showAnalysis(v);
        }
        for (EdgeView e : edges.values()) {
            e.setShape(a.shapes().shapeOf(e.edge()).map(Object::toString).orElse("?"));
        }
        routeEdges(false);
    }

    private void showAnalysis(NodeView v) {
        GraphAnalysis a = vm.analysisProperty().get();
        boolean output = vm.graph().node(v.nodeId()).flatMap(n -> vm.catalog().find(n.type())).map(BlockType::isOutput).orElse(false);
        v.showAnalysis(a.shapes(), a.issuesOf(v.nodeId()), output);
    }

    void showSelection() {
        nodes.forEach((id, v) -> v.setSelected(vm.selection().contains(id)));
        // a collapsed group wholly selected shows as its box selected; one hiding a selected block, as holding it
        groups.showSelection(vm.selectedBoxes(), vm.selection());
        notes.showSelection();
        edges.forEach((e, v) -> v.setSelected(e.equals(selectedWire)));
    }

    /** Draws nothing as selected (for pictures of the graph); {@link #showSelection} shows it again. */
    void hideSelection() {
        nodes.values().forEach(v -> v.setSelected(false));
        groups.showSelection(List.of(), java.util.Set.of());
        edges.values().forEach(v -> v.setSelected(false));
    }

    void selectWire(Edge edge) {
        selectedWire = edge;
        edges.forEach((e, v) -> v.setSelected(e.equals(edge)));
    }

    Optional<Edge> selectedWire() {
        return Optional.ofNullable(selectedWire);
    }

    Map<String, NodeView> nodes() {
        return nodes;
    }

    boolean isEmpty() {
        return nodes.isEmpty();
    }

    EdgeView edge(Edge e) {
        return edges.get(e);
    }

    Map<Edge, EdgeView> edges() {
        return edges;
    }

    /** What shows a block on the canvas: the box of the collapsed group it is hidden in, else its own view (or null). */
    javafx.scene.layout.Region shownAs(String nodeId) {
        Optional<GroupView> box = groups.collapsedGroupOf(nodeId);
        return box.isPresent() ? box.get() : view(nodeId);
    }

    /** The view of a block if it has one (makes none). */
    NodeView existing(String id) {
        return nodes.get(id);
    }

    /** The box of the collapsed group a block is hidden in, if it is (makes no view). */
    Optional<GroupView> collapsedBoxOf(String nodeId) {
        return groups.collapsedGroupOf(nodeId);
    }

    GroupView group(String id) {
        return groups.get(id);
    }

    /** Whether a port of a visible block is within {@code radius} of this world point. */
    boolean portNear(Point2D world, double radius) {
        for (NodeView v : nodes.values()) {
            if (v.isVisible()) {
                for (PortView p : v.ports()) {
                    double[] c = v.portCentre(p.port());
                    if (Math.hypot(c[0] - world.getX(), c[1] - world.getY()) < radius) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Where things are drawn ({@link CanvasBounds}). */
    CanvasBounds bounds() {
        return bounds;
    }

    NoteView note(String id) {
        return notes.get(id);
    }
}
