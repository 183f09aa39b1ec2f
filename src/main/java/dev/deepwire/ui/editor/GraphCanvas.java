package dev.deepwire.ui.editor;

import dev.deepwire.model.BlockType;
import dev.deepwire.model.ConnectionCheck;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Node;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;

/**
 * The canvas: draws the view model's graph and turns gestures into view-model calls. Left-drag a
 * block to move (one undoable move on release), drag from an output port to an input port to wire,
 * left-drag on empty canvas for a rubber band, middle- or right-drag to pan, wheel to zoom at the
 * pointer. Blocks dragged from the palette are placed where they are dropped.
 */
public final class GraphCanvas extends Pane {
    private final EditorViewModel vm;
    private final Group world = new Group();
    // Explicit transforms: scaleX/scaleY on a Group pivot on its centre, which moves as blocks move.
    private final javafx.scene.transform.Translate pan = new javafx.scene.transform.Translate();
    private final javafx.scene.transform.Scale scale = new javafx.scene.transform.Scale(1, 1, 0, 0);
    private final Group groupLayer = new Group();
    private final Group edgeLayer = new Group();
    private final Map<String, GroupView> groups = new LinkedHashMap<>();
    private final Group nodeLayer = new Group();
    private final Group noteLayer = new Group();
    private final Map<String, NoteView> notes = new java.util.HashMap<>();
    private final Map<String, NodeView> nodes = new LinkedHashMap<>();
    private final Map<Edge, EdgeView> edges = new HashMap<>();
    private final java.util.Set<String> hidden = new java.util.HashSet<>();
    private java.util.Map<String, dev.deepwire.training.NodeHealth> health = java.util.Map.of();
    private final CubicCurve pendingWire = new CubicCurve();
    private final Rectangle rubberBand = new Rectangle();
    private Map<String, double[]> dragStart;
    private Point2D pressWorld;
    private Point2D panStart;
    private final QuickAdd quickAdd;
    private Point2D lastPointer = new Point2D(0, 0);
    private final Minimap minimap;
    private boolean autoFit = true;
    private boolean spaceDown;
    private boolean spacePanned;

    public GraphCanvas(EditorViewModel vm) {
        this.vm = vm;
        this.quickAdd = new QuickAdd(vm);
        getStyleClass().add("graph-canvas");
        pendingWire.getStyleClass().add("wire-pending");
        pendingWire.setVisible(false);
        pendingWire.setMouseTransparent(true);
        rubberBand.getStyleClass().add("rubber-band");
        rubberBand.setVisible(false);
        world.getChildren().addAll(groupLayer, noteLayer, edgeLayer, nodeLayer, pendingWire, rubberBand);
        world.getTransforms().setAll(pan, scale);
        minimap = new Minimap(this, vm);
        getChildren().addAll(world, minimap);
        minimap.layoutXProperty().bind(widthProperty().subtract(minimap.widthProperty()).subtract(10));
        minimap.layoutYProperty().bind(heightProperty().subtract(minimap.heightProperty()).subtract(10));
        widthProperty().addListener((o, a, w) -> minimap.fitTo(w.doubleValue()));
        minimap.visibleProperty().addListener((o, a, b) -> minimap.redraw());
        for (var p : java.util.List.of(pan.xProperty(), pan.yProperty(), scale.xProperty(), widthProperty(), heightProperty())) {
            p.addListener((o, a, b) -> {
                minimap.redraw();
                scheduleRealize();
            });
        }
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        vm.revisionProperty().addListener((o, a, b) -> sync());
        vm.analysisProperty().addListener((o, a, b) -> showAnalysis());
        vm.selection().addListener((javafx.collections.SetChangeListener<String>) c -> showSelection());
        installGestures();
        sync();
        // Keep the whole graph in view while the window settles its size, until the user zooms or pans;
        // fit again whenever another project is opened.
        javafx.beans.InvalidationListener refit = o -> {
            if (autoFit) {
                javafx.application.Platform.runLater(this::fitView);
            }
        };
        widthProperty().addListener(refit);
        heightProperty().addListener(refit);
        vm.projectProperty().addListener((o, a, b) -> {
            autoFit = true;
            javafx.application.Platform.runLater(this::fitView);
        });
        addEventFilter(ScrollEvent.SCROLL, e -> autoFit = false);
        addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> autoFit = false);
    }

    // --- drawing -------------------------------------------------------------------------------

    private void sync() {
        var graph = vm.graph();
        nodes.keySet().removeIf(id -> {
            if (!graph.contains(id)) {
                nodeLayer.getChildren().remove(nodes.get(id));
                return true;
            }
            return false;
        });
        hidden.clear();
        graph.groups().stream().filter(dev.deepwire.model.NodeGroup::collapsed).forEach(g -> hidden.addAll(g.members()));
        Bounds near = culling() ? nearView() : null;
        for (Node n : graph.nodes()) {
            NodeView view = nodes.get(n.id());
            if (view != null) {
                view.update(n);
            } else if (near == null || near.intersects(modelBounds(n))) {
                realize(n);
            }
        }
        nodes.forEach((id, v) -> v.setVisible(!hidden.contains(id)));
        groupLayer.getChildren().clear();
        groups.clear();
        for (var g : graph.groups()) {
            long params = g.members().stream().mapToLong(id -> vm.analysisProperty().get().shapes().paramCounts().getOrDefault(id, 0L)).sum();
            GroupView view = new GroupView(g, g.members().size() + " blocks · " + String.format("%,d", params) + " params");
            installGroupGestures(view);
            groups.put(g.id(), view);
            // Collapsed boxes sit above the wires, expanded frames below everything.
            if (g.collapsed()) {
                nodeLayer.getChildren().add(view);
            } else {
                groupLayer.getChildren().add(view);
            }
        }
        nodeLayer.getChildren().removeIf(n -> n instanceof GroupView gv && !groups.containsValue(gv));
        edgeLayer.getChildren().clear();
        edges.clear();
        addEdgeViews();
        syncNotes(graph);
        routeEdges();
        showAnalysis();
        showSelection();
        minimap.redraw();
    }

    /**
     * Graphs up to this size get a view for every block at once. Larger ones get views only for the blocks
     * in or near the visible area (and the far ends of their wires), made as the view pans and zooms:
     * building and styling a thousand block views took seconds before the window could show.
     */
    static final int VIEW_ALL_UP_TO = 300;

    private boolean culling() {
        return vm.graph().nodes().size() > VIEW_ALL_UP_TO;
    }

    /** The visible part of the canvas and a tenth of a screen around it, in canvas coordinates. */
    private Bounds nearView() {
        Bounds v = visibleWorldBounds();
        return new javafx.geometry.BoundingBox(v.getMinX() - v.getWidth() / 10, v.getMinY() - v.getHeight() / 10,
                v.getWidth() * 1.2, v.getHeight() * 1.2);
    }

    /** Where a block is drawn, from the model (its view may not exist yet). */
    private Bounds modelBounds(Node n) {
        NodeView v = nodes.get(n.id());
        if (v != null) {
            return v.getBoundsInParent();
        }
        return new javafx.geometry.BoundingBox(n.x(), n.y(), NodeView.WIDTH,
                NodeView.heightFor(vm.catalog().find(n.type()).orElse(null)));
    }

    /** The view of a block, made now if it has none yet. */
    private NodeView realize(Node n) {
        NodeView view = nodes.get(n.id());
        if (view != null) {
            return view;
        }
        view = new NodeView(n, vm.catalog().find(n.type()).orElse(null));
        installNodeGestures(view);
        nodes.put(n.id(), view);
        nodeLayer.getChildren().add(view);
        view.setVisible(!hidden.contains(n.id()));
        view.setSelected(vm.selection().contains(n.id()));
        view.showHealth(health.get(n.id()));
        showAnalysis(view);
        return view;
    }

    private NodeView view(String id) {
        NodeView v = nodes.get(id);
        return v != null ? v : vm.graph().node(id).map(this::realize).orElse(null);
    }

    /** Views for the wires touching a block with a view (making views for their far ends too). */
    private boolean addEdgeViews() {
        boolean added = false;
        java.util.Set<String> viewed = new java.util.HashSet<>(nodes.keySet()); // far ends made here do not spread further
        for (Edge e : vm.graph().edges()) {
            if (edges.containsKey(e) || !viewed.contains(e.from().nodeId()) && !viewed.contains(e.to().nodeId())) {
                continue;
            }
            view(e.from().nodeId());
            view(e.to().nodeId());
            EdgeView view = new EdgeView(e);
            installEdgeGestures(view);
            edges.put(e, view);
            edgeLayer.getChildren().add(view);
            view.setShape(vm.analysisProperty().get().shapes().shapeOf(e).map(Object::toString).orElse("?"));
            added = true;
        }
        return added;
    }

    private boolean realizePending;

    /** After a pan or zoom of a large graph: views for the blocks that came near the visible area. */
    private void scheduleRealize() {
        if (realizePending || !culling()) {
            return;
        }
        realizePending = true;
        javafx.application.Platform.runLater(this::realizeVisible);
    }

    /** Makes views for the blocks in or near the visible area that have none (large graphs only). */
    public void realizeVisible() {
        realizePending = false;
        if (!culling() || getWidth() <= 0) {
            return;
        }
        Bounds near = nearView();
        int before = nodes.size();
        for (Node n : vm.graph().nodes()) {
            if (!nodes.containsKey(n.id()) && near.intersects(modelBounds(n))) {
                realize(n);
            }
        }
        if (nodes.size() != before && addEdgeViews()) {
            routeEdges();
        }
    }

    /** Whether a block has a view now (for tests). */
    boolean hasView(String id) {
        return nodes.containsKey(id);
    }

    /** How many blocks have a view now (for tests and the editor benchmark). */
    public int viewCount() {
        return nodes.size();
    }

    private void syncNotes(dev.deepwire.model.Graph graph) {
        notes.keySet().removeIf(id -> {
            if (graph.note(id).isEmpty()) {
                noteLayer.getChildren().remove(notes.get(id));
                return true;
            }
            return false;
        });
        for (var n : graph.notes()) {
            NoteView view = notes.get(n.id());
            if (view == null) {
                view = new NoteView(n, vm);
                notes.put(n.id(), view);
                noteLayer.getChildren().add(view);
            } else {
                view.update(n);
            }
        }
    }

    /** The view of a note (for tests and screenshots). */
    NoteView noteView(String id) {
        return notes.get(id);
    }

    /** Adds a note in the middle of what is visible and opens it for writing. */
    public void addNoteAtCentre() {
        javafx.geometry.Point2D c = toWorld(getWidth() / 2, getHeight() / 2);
        String id = vm.addNote("", c.getX() - NoteView.WIDTH / 2, c.getY() - 30);
        NoteView v = notes.get(id);
        if (v != null) {
            v.edit();
        }
    }

    private void routeEdges() {
        layoutGroups();
        for (EdgeView v : edges.values()) {
            Optional<GroupView> fromGroup = collapsedGroupOf(v.edge().from().nodeId());
            Optional<GroupView> toGroup = collapsedGroupOf(v.edge().to().nodeId());
            NodeView from = nodes.get(v.edge().from().nodeId());
            NodeView to = nodes.get(v.edge().to().nodeId());
            boolean inside = fromGroup.isPresent() && fromGroup.equals(toGroup);
            v.setVisible(!inside);
            if (from != null && to != null && !inside) {
                v.route(fromGroup.map(g -> g.anchor(false)).orElseGet(() -> from.portCentre(v.edge().from())),
                        toGroup.map(g -> g.anchor(true)).orElseGet(() -> to.portCentre(v.edge().to())));
            }
        }
    }

    private Optional<GroupView> collapsedGroupOf(String nodeId) {
        return groups.values().stream().filter(g -> g.group().collapsed() && g.group().members().contains(nodeId)).findFirst();
    }

    private void layoutGroups() {
        for (GroupView g : groups.values()) {
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (String id : g.group().members()) {
                Node n = vm.graph().node(id).orElse(null);
                if (n != null) {
                    Bounds b = modelBounds(n);
                    minX = Math.min(minX, b.getMinX());
                    minY = Math.min(minY, b.getMinY());
                    maxX = Math.max(maxX, b.getMaxX());
                    maxY = Math.max(maxY, b.getMaxY());
                }
            }
            if (minX <= maxX) {
                g.place(new javafx.geometry.BoundingBox(minX, minY, maxX - minX, maxY - minY));
            }
        }
    }

    /** Shows training health on each block from this map, which stays the source (an empty map hides it). */
    public void showHealth(java.util.Map<String, dev.deepwire.training.NodeHealth> health) {
        this.health = health;
        nodes.forEach((id, v) -> v.showHealth(health.get(id)));
    }

    /** The health map's entry for one block changed: only that block (if it has a view) is updated. */
    public void healthChanged(String id) {
        NodeView v = nodes.get(id);
        if (v != null) {
            v.showHealth(health.get(id));
        }
    }

    GroupView groupView(String id) {
        return groups.get(id);
    }

    private void showAnalysis() {
        EditorViewModel.Analysis a = vm.analysisProperty().get();
        for (NodeView v : nodes.values()) {
            showAnalysis(v);
        }
        for (EdgeView e : edges.values()) {
            e.setShape(a.shapes().shapeOf(e.edge()).map(Object::toString).orElse("?"));
        }
        routeEdges();
    }

    private void showAnalysis(NodeView v) {
        EditorViewModel.Analysis a = vm.analysisProperty().get();
        boolean output = vm.graph().node(v.nodeId()).flatMap(n -> vm.catalog().find(n.type()))
                .map(BlockType::isOutput).orElse(false);
        v.showAnalysis(a.shapes(), a.issuesOf(v.nodeId()), output);
    }

    private void showSelection() {
        nodes.forEach((id, v) -> v.setSelected(vm.selection().contains(id)));
    }

    // --- coordinates and view ------------------------------------------------------------------

    /** Converts a point of this pane to canvas (world) coordinates. */
    public Point2D toWorld(double x, double y) {
        return world.parentToLocal(x, y);
    }

    /** The part of the canvas (in world coordinates) that is visible now. */
    public Bounds visibleWorldBounds() {
        Point2D a = toWorld(0, 0);
        Point2D b = toWorld(Math.max(1, getWidth()), Math.max(1, getHeight()));
        return new javafx.geometry.BoundingBox(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY());
    }

    /** Scrolls so the world point (x, y) is in the middle of the view. */
    public void centreOn(double x, double y) {
        Point2D now = fromWorld(x, y);
        pan.setX(pan.getX() + getWidth() / 2 - now.getX());
        pan.setY(pan.getY() + getHeight() / 2 - now.getY());
    }

    /** The blocks and wires drawn at scale 1 (whatever the zoom), for export. */
    javafx.scene.image.WritableImage snapshotGraph() {
        SnapshotParameters params = GraphExport.background();
        // Undo the zoom so the picture is at full size.
        params.setTransform(new javafx.scene.transform.Scale(1 / scale.getX(), 1 / scale.getY()));
        return world.snapshot(params, null);
    }

    /** Converts a canvas (world) point to this pane's coordinates. */
    public Point2D fromWorld(double x, double y) {
        return world.localToParent(x, y);
    }

    public double zoom() {
        return scale.getX();
    }

    /** Zooms by a factor keeping the world point under (x, y) in place. */
    public void zoomAt(double factor, double x, double y) {
        double s = Math.max(0.1, Math.min(4, scale.getX() * factor));
        Point2D before = toWorld(x, y);
        scale.setX(s);
        scale.setY(s);
        Point2D after = world.localToParent(before);
        pan.setX(pan.getX() + x - after.getX());
        pan.setY(pan.getY() + y - after.getY());
    }

    /** Whether the minimap is shown (View ▸ Minimap). */
    public javafx.beans.property.BooleanProperty minimapVisibleProperty() {
        return minimap.visibleProperty();
    }

    /** Where the minimap is drawn, in this pane's coordinates (empty when hidden). */
    public Optional<Bounds> minimapBounds() {
        return minimap.isVisible() ? Optional.of(minimap.getBoundsInParent()) : Optional.empty();
    }

    /**
     * Shows every block and note, centred, at a scale that fits (never above 1) and clear of the minimap: the
     * drawing goes beside or above it, whichever leaves it larger. An empty graph is shown at 100 %.
     */
    public void fitView() {
        if (getWidth() <= 0) {
            return;
        }
        if (vm.graph().nodes().isEmpty() && vm.graph().notes().isEmpty()) {
            scale.setX(1);
            scale.setY(1);
            pan.setX(0);
            pan.setY(0);
            return;
        }
        if (nodes.isEmpty()) {
            return;
        }
        Bounds n = culling() ? graphBounds() : nodeLayer.getBoundsInParent();
        Bounds w = edgeLayer.getChildren().isEmpty() || culling() ? n : edgeLayer.getBoundsInParent();
        Bounds t = noteLayer.getChildren().isEmpty() ? n : noteLayer.getBoundsInParent(); // notes are part of the drawing
        double minX = Math.min(n.getMinX(), Math.min(w.getMinX(), t.getMinX()));
        double minY = Math.min(n.getMinY(), Math.min(w.getMinY(), t.getMinY()));
        Bounds b = new javafx.geometry.BoundingBox(minX, minY, Math.max(n.getMaxX(), Math.max(w.getMaxX(), t.getMaxX())) - minX,
                Math.max(n.getMaxY(), Math.max(w.getMaxY(), t.getMaxY())) - minY);
        double mw = minimap.isVisible() ? minimap.getWidth() + 10 : 0;
        double mh = minimap.isVisible() ? minimap.getHeight() + 10 : 0;
        double beside = fitScale(b, getWidth() - mw, getHeight());
        double above = fitScale(b, getWidth(), getHeight() - mh);
        double areaW = beside >= above ? getWidth() - mw : getWidth();
        double areaH = beside >= above ? getHeight() : getHeight() - mh;
        double s = Math.max(beside, above);
        scale.setX(s);
        scale.setY(s);
        pan.setX((areaW - b.getWidth() * s) / 2 - b.getMinX() * s);
        pan.setY((areaH - b.getHeight() * s) / 2 - b.getMinY() * s);
    }

    private static double fitScale(Bounds b, double width, double height) {
        return Math.max(0.1, Math.min(1, Math.min((width - 40) / b.getWidth(), (height - 40) / b.getHeight())));
    }

    /** The extent of every block, from the model. */
    private Bounds graphBounds() {
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
        return new javafx.geometry.BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    /** The visible centre in canvas coordinates (where keyboard-added blocks go). */
    public Point2D visibleCentre() {
        return toWorld(getWidth() / 2, getHeight() / 2);
    }

    NodeView nodeView(String id) {
        return view(id);
    }

    /** Where a block is drawn on screen, in scene coordinates (for tests and screenshots). */
    public Bounds nodeBoundsInScene(String id) {
        return view(id).localToScene(view(id).getBoundsInLocal());
    }

    /** Where a note is drawn, in scene coordinates. */
    public Bounds noteBoundsInScene(String id) {
        return notes.get(id).localToScene(notes.get(id).getBoundsInLocal());
    }

    EdgeView edgeView(Edge e) {
        return edges.get(e);
    }

    // --- gestures ------------------------------------------------------------------------------

    private void installGestures() {
        setOnKeyPressed(e -> {
            // One key map for the canvas and the menus; a key typed into text (a note, a search) is never a command.
            Optional<KeyMap.Action> action = KeyMap.match(e);
            if (action.isEmpty() || KeyMap.typingIn(getScene()).isPresent()) {
                return;
            }
            switch (action.get()) {
                case DELETE -> vm.deleteSelection();
                case QUICK_ADD -> spaceDown = true; // held while dragging pans; a plain tap opens quick-add (on release)
                case FIT_VIEW -> fitView();
                case COPY -> copy();
                case PASTE -> paste(false);
                case PASTE_KEEPING_WIRES -> paste(true);
                case DUPLICATE -> vm.duplicateSelection();
                case UNDO -> vm.undo();
                case REDO -> vm.redo();
                case SELECT_ALL -> vm.selectAll();
                default -> {
                    return;
                }
            }
            e.consume();
        });
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                zoomAt(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1, e.getX(), e.getY());
            }
            e.consume();
        });
        addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
            if (spaceDown && lastPointer != null) {
                pan.setX(pan.getX() + e.getX() - lastPointer.getX());
                pan.setY(pan.getY() + e.getY() - lastPointer.getY());
                spacePanned = true;
                autoFit = false;
            }
            lastPointer = new Point2D(e.getX(), e.getY());
        });
        setOnKeyReleased(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.SPACE) {
                if (spaceDown && !spacePanned && KeyMap.typingIn(getScene()).isEmpty()) {
                    openQuickAdd(lastPointer.getX(), lastPointer.getY(), null);
                }
                spaceDown = false;
                spacePanned = false;
                e.consume();
            }
        });
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && e.getTarget() == this) {
                openQuickAdd(e.getX(), e.getY(), null);
            }
        });
        setOnMousePressed(e -> {
            requestFocus();
            if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.SECONDARY || spaceDown) {
                panStart = new Point2D(e.getX() - pan.getX(), e.getY() - pan.getY());
            } else if (e.getButton() == MouseButton.PRIMARY) {
                if (!e.isShiftDown()) {
                    vm.selection().clear();
                }
                pressWorld = toWorld(e.getX(), e.getY());
            }
        });
        setOnMouseDragged(e -> {
            if (panStart != null) {
                pan.setX(e.getX() - panStart.getX());
                pan.setY(e.getY() - panStart.getY());
            } else if (pressWorld != null) {
                Point2D p = toWorld(e.getX(), e.getY());
                rubberBand.setVisible(true);
                rubberBand.setX(Math.min(p.getX(), pressWorld.getX()));
                rubberBand.setY(Math.min(p.getY(), pressWorld.getY()));
                rubberBand.setWidth(Math.abs(p.getX() - pressWorld.getX()));
                rubberBand.setHeight(Math.abs(p.getY() - pressWorld.getY()));
            }
        });
        setOnMouseReleased(e -> {
            if (rubberBand.isVisible()) {
                Bounds band = rubberBand.getBoundsInParent();
                for (Node n : vm.graph().nodes()) {
                    if (band.intersects(modelBounds(n))) {
                        vm.selection().add(n.id());
                    }
                }
            }
            rubberBand.setVisible(false);
            panStart = null;
            pressWorld = null;
        });
    }

    private void installNodeGestures(NodeView view) {
        view.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY || e.getTarget() instanceof PortView) {
                return;
            }
            requestFocus();
            if (e.isShiftDown() || e.isShortcutDown()) {
                if (!vm.selection().remove(view.nodeId())) {
                    vm.selection().add(view.nodeId());
                }
            } else if (!vm.selection().contains(view.nodeId())) {
                vm.select(view.nodeId(), false);
            }
            beginDrag(e);
        });
        installMoveGesture(view);
        for (PortView port : view.ports()) {
            if (!port.isInput()) {
                installConnectGesture(port);
            }
        }
    }

    private void installGroupGestures(GroupView view) {
        javafx.scene.Node handle = view.group().collapsed() ? view : view.title();
        handle.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                vm.toggleCollapsed(view.group().id());
                e.consume();
            }
        });
        handle.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            requestFocus();
            vm.selection().clear();
            vm.selection().addAll(view.group().members().stream().filter(nodes::containsKey).toList());
            beginDrag(e);
        });
        installMoveGesture(handle);
    }

    /** Starts moving the selected blocks from where the mouse was pressed. */
    private void beginDrag(MouseEvent e) {
        dragStart = new LinkedHashMap<>();
        for (String id : vm.selection()) {
            NodeView v = view(id);
            dragStart.put(id, new double[] {v.getLayoutX(), v.getLayoutY()});
        }
        pressWorld = toWorld(e.getSceneX() - localToScene(0, 0).getX(), e.getSceneY() - localToScene(0, 0).getY());
        e.consume();
    }

    /** Dragging {@code handle} moves the blocks live; releasing pushes one undoable move. */
    private void installMoveGesture(javafx.scene.Node handle) {
        handle.setOnMouseDragged(e -> {
            if (dragStart != null) {
                dragTo(e);
                e.consume();
            }
        });
        handle.setOnMouseReleased(e -> {
            if (dragStart != null) {
                endDrag(e); // the release point counts, not only the last drag event
                e.consume();
            }
        });
    }

    private void endDrag(MouseEvent e) {
        if (!e.isStillSincePress()) {
            dragTo(e);
        }
        Map<String, double[]> moved = new LinkedHashMap<>();
        dragStart.keySet().forEach(id -> moved.put(id, new double[] {
                Math.round(view(id).getLayoutX()), Math.round(view(id).getLayoutY())}));
        dragStart = null;
        pressWorld = null;
        vm.moveNodes(moved);
    }

    private void dragTo(MouseEvent e) {
        Point2D p = toWorld(e.getSceneX() - localToScene(0, 0).getX(), e.getSceneY() - localToScene(0, 0).getY());
        double dx = p.getX() - pressWorld.getX();
        double dy = p.getY() - pressWorld.getY();
        dragStart.forEach((id, xy) -> view(id).relocate(xy[0] + dx, xy[1] + dy));
        routeEdges();
    }

    /** Drag from an output port: compatible inputs light up; the drop wires or says why not. */
    private void installConnectGesture(PortView from) {
        from.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            for (NodeView v : nodes.values()) {
                for (PortView p : v.ports()) {
                    if (p.isInput()) {
                        boolean ok = vm.checkConnection(from.port(), p.port()).allowed();
                        p.getStyleClass().add(ok ? "port-compatible" : "port-incompatible");
                    }
                }
            }
            e.consume();
        });
        from.setOnMouseDragged(e -> {
            double[] start = view(from.port().nodeId()).portCentre(from.port());
            Point2D p = toWorld(e.getSceneX() - localToScene(0, 0).getX(), e.getSceneY() - localToScene(0, 0).getY());
            EdgeView.setPath(pendingWire, start[0], start[1], p.getX(), p.getY());
            pendingWire.setVisible(true);
            e.consume();
        });
        from.setOnMouseReleased(e -> {
            pendingWire.setVisible(false);
            nodes.values().forEach(v -> v.ports().forEach(p -> p.getStyleClass().removeAll("port-compatible", "port-incompatible")));
            Point2D p = toWorld(e.getSceneX() - localToScene(0, 0).getX(), e.getSceneY() - localToScene(0, 0).getY());
            PortView target = inputPortNear(p);
            if (target != null) {
                vm.connect(from.port(), target.port());
            } else if (pendingWireWasDragged(e)) {
                // Dropped on empty canvas: offer the blocks that take this wire, placed where it was dropped.
                Point2D local = sceneToLocal(e.getSceneX(), e.getSceneY());
                openQuickAdd(local.getX(), local.getY(), from.port());
            }
            e.consume();
        });
    }

    /** Places a block dragged from the palette if it was released over the canvas; returns whether it was. */
    public boolean dropBlock(String typeId, double sceneX, double sceneY) {
        Point2D local = sceneToLocal(sceneX, sceneY);
        if (local == null || local.getX() < 0 || local.getY() < 0 || local.getX() > getWidth() || local.getY() > getHeight()) {
            return false;
        }
        Point2D p = toWorld(local.getX(), local.getY());
        vm.addBlock(typeId, Math.round(p.getX() - NodeView.WIDTH / 2), Math.round(p.getY() - 20));
        requestFocus();
        return true;
    }

    /** Opens the quick-add search at a point of this pane (optionally continuing a wire from a port). */
    public void openQuickAdd(double x, double y, dev.deepwire.model.Port from) {
        Point2D screen = localToScreen(x, y);
        if (screen != null) {
            Point2D world = toWorld(x, y);
            quickAdd.show(this, screen.getX(), screen.getY(), new Point2D(world.getX(), world.getY() - 20), from);
        }
    }

    /** Puts the selection on the system clipboard as DeepWire text. */
    public void copy() {
        vm.copySelection().ifPresent(text -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(text);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            vm.messageProperty().set("Copied " + Words.count(vm.selection().size(), "block"));
        });
    }

    /** Pastes from the system clipboard next to the pointer; {@code keepIncoming} re-makes the wires that fed them. */
    public void paste(boolean keepIncoming) {
        String text = javafx.scene.input.Clipboard.getSystemClipboard().getString();
        Point2D topLeft = toWorld(0, 0);
        Point2D bottomRight = toWorld(getWidth(), getHeight());
        vm.pasteInView(text, topLeft.getX(), topLeft.getY(), bottomRight.getX(), bottomRight.getY(), keepIncoming);
    }

    private static boolean pendingWireWasDragged(MouseEvent e) {
        return !e.isStillSincePress();
    }

    /** The input port within grabbing distance of a canvas point, if any. */
    PortView inputPortNear(Point2D world) {
        PortView best = null;
        double bestDistance = 14;
        for (NodeView v : nodes.values()) {
            for (PortView p : v.ports()) {
                if (!p.isInput()) {
                    continue;
                }
                double[] c = v.portCentre(p.port());
                double d = Math.hypot(c[0] - world.getX(), c[1] - world.getY());
                if (d < bestDistance) {
                    bestDistance = d;
                    best = p;
                }
            }
        }
        return best;
    }

    private void installEdgeGestures(EdgeView view) {
        view.curve().setOnContextMenuRequested(e -> {
            // Made on request: a context menu is a popup window, too heavy to build for every wire up front.
            MenuItem remove = new MenuItem("Delete wire " + view.edge().from().nodeId() + " → " + view.edge().to().nodeId());
            remove.setOnAction(a -> vm.disconnect(view.edge()));
            new ContextMenu(remove).show(view.curve(), e.getScreenX(), e.getScreenY());
            e.consume();
        });
        view.curve().setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                vm.disconnect(view.edge());
                e.consume();
            }
        });
    }
}
