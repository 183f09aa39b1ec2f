package dev.deepwire.ui.editor;

import dev.deepwire.model.BlockType;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Port;
import dev.deepwire.training.NodeHealth;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.collections.SetChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

/**
 * The canvas: draws the view model's graph (through {@link CanvasViews}) and turns gestures into view-model
 * calls. Left-drag a block to move ({@link MoveGesture}), drag from an output port to an input port to wire
 * ({@link ConnectGesture}), click a wire to select it ({@link WireGesture}), left-drag on empty canvas for a rubber
 * band ({@link RubberBand}), middle- or right-drag (or Space held) to pan, wheel to zoom at the pointer
 * ({@link Viewport}). Blocks dragged from the palette are placed where they are dropped (when free and in view).
 */
public final class GraphCanvas extends Pane {
    /** See {@link CanvasViews#VIEW_ALL_UP_TO}. */
    static final int VIEW_ALL_UP_TO = CanvasViews.VIEW_ALL_UP_TO;
    private final EditorViewModel vm;
    private final Group world = new Group();
    private final Viewport viewport;
    private final CanvasViews views;
    // Made after the views (they need them); the views call back into them only for views made later.
    private MoveGesture move;
    private ConnectGesture connect;
    private WireGesture wires;
    private final RubberBand rubberBand;
    private final QuickAdd quickAdd;
    private final Minimap minimap;
    private final AutoFit autoFit;
    private final StepOverlay step;
    private CanvasPlacement placement; // made once the minimap is
    private final FitView fitter;
    private boolean realizePending;

    public GraphCanvas(EditorViewModel vm) {
        this.vm = vm;
        this.quickAdd = new QuickAdd(vm, (type, wanted, from) -> this.placement.blockSpotNear(type, wanted, from));
        getStyleClass().add("graph-canvas");
        viewport = new Viewport(this, world);
        // The views ask for gestures only once views exist, after the gestures below are made.
        views = new CanvasViews(vm, viewport, view -> {
            this.move.installOn(view);
            this.connect.installOn(view);
        }, view -> this.move.installOn(view), view -> this.wires.installOn(view), view -> this.move.installOn(view));
        move = new MoveGesture(vm, viewport, views, this::requestFocus);
        connect = new ConnectGesture(vm, viewport, views, this::openQuickAdd);
        wires = new WireGesture(vm, views, this::requestFocus);
        rubberBand = new RubberBand(vm, views);
        // Wires above blocks, so a wire is never hidden behind one (routes keep clear of blocks anyway); notes above
        // those, so a click or double-click on a note is the note's; groups' names (each a small label on the canvas's
        // colour, and the group's collapse control) above all, so neither a block nor a note over the group's top-left
        // hides them — a note there had covered "▾ name" whole.
        world.getStyleClass().add("canvas-world"); // the drawing's text in canvas units, whatever the window's size
        world.getChildren().addAll(views.groupLayer, views.nodeLayer, views.edgeLayer, views.noteLayer, views.groupTitleLayer,
                connect.pendingWire(),
                rubberBand.shape());
        step = new StepOverlay(this, world, views, viewport::panBy);
        minimap = new Minimap(this, vm);
        getChildren().addAll(world, minimap);
        minimap.attach(this, viewport.changes(), this::scheduleRealize);
        placement = new CanvasPlacement(vm, this, viewport, views, minimap);
        fitter = new FitView(vm, this, viewport, views, minimap, step);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        vm.revisionProperty().addListener((o, a, b) -> sync());
        vm.analysisProperty().addListener((o, a, b) -> views.showAnalysis());
        vm.selection().addListener((SetChangeListener<String>) c -> {
            if (c.wasAdded()) {
                views.selectWire(null);
            }
            views.showSelection();
        });
        vm.selectedNotes().addListener((SetChangeListener<String>) c -> views.showSelection());
        sync();
        // Keep the whole graph in view while the window settles its size, until the user zooms or pans;
        // fit again whenever another project is opened.
        autoFit = new AutoFit(this, this::fitView);
        new CanvasGestures(this, vm, viewport, views, wires, rubberBand, minimap, autoFit).install();
        vm.projectProperty().addListener((o, a, b) -> fitWhenLaidOut());
        // While anything is dragged on the canvas (a wire, a block, a band) the minimap fades and lets the mouse
        // through, so a port or block under it can be seen and reached.
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> minimap.setDragThrough(e.getTarget() != minimap && onDrawing(e)));
        addEventFilter(MouseEvent.MOUSE_RELEASED, e -> minimap.setDragThrough(false));
    }

    /** The minimap, for tests. */
    Minimap minimap() {
        return minimap;
    }

    private void sync() {
        views.sync();
        minimap.redraw();
    }

    /** After a pan or zoom of a large graph: views for the blocks that came near the visible area. */
    private void scheduleRealize() {
        if (realizePending || !views.culling()) {
            return;
        }
        realizePending = true;
        Platform.runLater(this::realizeVisible);
    }

    /** Makes views for the blocks in or near the visible area that have none (large graphs only). */
    public void realizeVisible() {
        realizePending = false;
        if (getWidth() > 0) {
            views.realizeVisible();
        }
    }

    /** Whether a block has a view now (for tests). */
    boolean hasView(String id) {
        return views.nodes().containsKey(id);
    }

    /** How many blocks have a view now (for tests and the editor benchmark). */
    public int viewCount() {
        return views.nodes().size();
    }

    /** The view of a note (for tests and screenshots). */
    NoteView noteView(String id) {
        return views.note(id);
    }

    NodeView nodeView(String id) {
        return views.view(id);
    }

    EdgeView edgeView(Edge e) {
        return views.edge(e);
    }

    /** What is drawn where now ({@link CanvasBounds#shownWorldBounds}): step mode's badges keep clear of it. */
    java.util.List<javafx.geometry.Bounds> shownWorldBounds() {
        return views.bounds().shownWorldBounds();
    }

    GroupView groupView(String id) {
        return views.group(id);
    }

    /** The wire selected on the canvas, if any. */
    Optional<Edge> selectedWire() {
        return views.selectedWire();
    }

    /** Where a block is drawn on screen, in scene coordinates (for tests and screenshots). */
    public Bounds nodeBoundsInScene(String id) {
        NodeView v = views.view(id);
        return v.localToScene(v.getBoundsInLocal());
    }

    /** Where a group (its frame, or its box while collapsed) is drawn, in scene coordinates (for tests). */
    public Bounds groupBoundsInScene(String id) {
        GroupView v = views.group(id);
        return v.localToScene(v.getBoundsInLocal());
    }

    /** Where a note is drawn, in scene coordinates. */
    public Bounds noteBoundsInScene(String id) {
        NoteView v = views.note(id);
        return v.localToScene(v.getBoundsInLocal());
    }

    /** Keeps text still being typed on the canvas (a note being written) as edits, before Save and close. */
    public void commitOpenEdits() {
        views.commitNoteEdits();
    }

    /**
     * Adds a note on the free spot in view nearest the middle, clear of what is there, and opens it for writing
     * ({@link CanvasPlacement#addNoteAtCentre}).
     */
    public void addNoteAtCentre() {
        placement.addNoteAtCentre();
    }

    /** Adds a block of this type on the free spot in view nearest the middle ({@link CanvasPlacement#addBlockInView}). */
    public String addBlockInView(BlockType type) {
        return placement.addBlockInView(type);
    }

    /** See {@link CanvasPlacement#blockSpotNear}. */
    Point2D blockSpotNear(BlockType type, Point2D wanted, Port from) {
        return placement.blockSpotNear(type, wanted, from);
    }

    /** Shows training health on each block from this map, which stays the source (an empty map hides it). */
    public void showHealth(Map<String, NodeHealth> health) {
        views.showHealth(health);
    }

    /** The health map's entry for one block changed: only that block (if it has a view) is updated. */
    public void healthChanged(String id) {
        views.healthChanged(id);
    }

    // --- coordinates and view ------------------------------------------------------------------

    /** Converts a point of this pane to canvas (world) coordinates. */
    public Point2D toWorld(double x, double y) {
        return viewport.toWorld(x, y);
    }

    /** Converts a canvas (world) point to this pane's coordinates. */
    public Point2D fromWorld(double x, double y) {
        return viewport.fromWorld(x, y);
    }

    /** The part of the canvas (in world coordinates) that is visible now. */
    public Bounds visibleWorldBounds() {
        return viewport.visible();
    }

    /** Scrolls as little as shows {@code box} (world coordinates) whole ({@link CanvasPlacement#reveal}). */
    void reveal(Bounds box) {
        placement.reveal(box);
    }

    /** Scrolls so the world point (x, y) is in the middle of the view. */
    public void centreOn(double x, double y) {
        viewport.centreOn(x, y);
    }

    public double zoom() {
        return viewport.zoom();
    }

    /** Zooms by a factor keeping the world point under (x, y) in place. */
    public void zoomAt(double factor, double x, double y) {
        viewport.zoomAt(factor, x, y);
    }

    /** One keyboard or menu zoom step about the view's centre: in (×1.2) or out. */
    public void zoomStep(boolean in) {
        zoomAt(in ? 1.2 : 1 / 1.2, getWidth() / 2, getHeight() / 2);
    }

    /** The visible centre in canvas coordinates (where keyboard-added blocks go). */
    public Point2D visibleCentre() {
        return toWorld(getWidth() / 2, getHeight() / 2);
    }

    /** The blocks and wires drawn at scale 1 (whatever the zoom), for export; the selection is left out. */
    WritableImage snapshotGraph() {
        SnapshotParameters params = GraphExport.background();
        params.setTransform(viewport.unzoom());
        views.hideSelection();
        views.showZoom(1); // every block's lines, as at zoom 1
        try {
            return step.pictured(() -> world.snapshot(params, null)); // in step mode: not its dimming's 8000 px
        } finally {
            views.showSelection();
            views.showZoom(viewport.zoom());
        }
    }

    /**
     * Whether a mouse event on this pane is on the drawing rather than on the step panel floating above it. A filter
     * on the canvas sees a press on the panel first (the panel is one of its children): what such a filter does for a
     * press on the drawing (clearing the status bar's hint, fading the minimap) it must not do for one on the panel.
     */
    public boolean onDrawing(MouseEvent e) {
        return !step.onPanel(e.getTarget());
    }

    /** Step mode's drawing on the canvas (dimming, the current block, heatmaps on the wires passed). */
    public StepOverlay stepOverlay() {
        return step;
    }

    /** Whether the minimap is shown (View ▸ Minimap). */
    public BooleanProperty minimapVisibleProperty() {
        return minimap.visibleProperty();
    }

    /** Where the minimap is drawn, in this pane's coordinates (empty when hidden). */
    public Optional<Bounds> minimapBounds() {
        return minimap.isVisible() ? Optional.of(minimap.getBoundsInParent()) : Optional.empty();
    }

    /**
     * Fits the view (as {@link #fitView}) once the canvas and the views of a just-opened project have their real
     * sizes: after the next layout pass, when the split panes have sized the canvas and CSS has sized the blocks
     * and notes. Until the user zooms or pans, later size changes fit again. Every way of opening a project ends here.
     */
    public void fitWhenLaidOut() {
        autoFit.request();
    }

    /** Shows every block and note whole ({@link FitView}). */
    public void fitView() {
        fitter.fit();
    }

    /**
     * The least height, in px on screen, that {@link #fitView} keeps blocks' titles at (0: none, the whole drawing at
     * whatever zoom fits): where the whole drawing would show them smaller, Fit view keeps the zoom at which they read
     * and shows the drawing from its start (presenting to a room). Fits again at once when it changes.
     */
    public void setTitleFloor(double px) {
        if (fitter.setTitleFloor(px)) {
            fitWhenLaidOut();
        }
    }

    /** How tall the blocks' titles are on screen now, in px (for tests). */
    public double titlePixels() {
        return views.titlePixelsNow(viewport.zoom());
    }

    /** Places a block dragged from the palette if it was released over the canvas; returns whether it was. */
    public boolean dropBlock(String typeId, double sceneX, double sceneY) {
        Point2D local = sceneToLocal(sceneX, sceneY);
        if (local == null || local.getX() < 0 || local.getY() < 0 || local.getX() > getWidth() || local.getY() > getHeight()) {
            return false;
        }
        Point2D p = toWorld(local.getX(), local.getY());
        // where it was dropped when that is free and whole in view, else the nearest such spot — the rule quick-add and
        // a double-click in the palette follow: dropped near the canvas's left edge, half the block had gone under the
        // palette, and dropped on a block, it covered that block's ports
        var type = vm.catalog().find(typeId);
        Point2D wanted = new Point2D(p.getX() - NodeView.WIDTH / 2, p.getY() - 20);
        Point2D at = type.map(t -> placement.blockSpotNear(t, wanted, null)).orElse(wanted);
        vm.addBlock(typeId, Math.round(at.getX()), Math.round(at.getY()));
        requestFocus();
        return true;
    }

    /** Opens the quick-add search at a point of this pane (optionally continuing a wire from a port). */
    /**
     * Quick-add opened by a key (Space, Edit ▸ Add Block…): every block is offered, and with one block selected a
     * chosen block that takes its output is wired after it, so a graph is built key by key; {@code atPointer}: the
     * pointer was moved to where the block goes (else it goes right of the block it follows).
     */
    public void openQuickAddByKey(double x, double y, boolean atPointer) {
        if (vm.refuseWhileLocked()) { // said now: a run paused had let a search be typed, then refused the pick
            return;
        }
        openQuickAdd(x, y, vm.quickAdd().from().orElse(null), atPointer ? QuickAdd.Wiring.AT_POINTER : QuickAdd.Wiring.AFTER);
    }

    /** Quick-add at a point of the canvas; with {@code from} (a wire dropped there), only the blocks that take it. */
    public void openQuickAdd(double x, double y, Port from) {
        openQuickAdd(x, y, from, QuickAdd.Wiring.ONLY_WIRED);
    }

    private void openQuickAdd(double x, double y, Port from, QuickAdd.Wiring wiring) {
        Point2D screen = localToScreen(x, y);
        if (screen != null) {
            Point2D world = toWorld(x, y);
            quickAdd.show(this, screen.getX(), screen.getY(), new Point2D(world.getX(), world.getY() - 20), from, wiring);
        }
    }

    /** Puts the selection on the system clipboard as DeepWire text. */
    public void copy() {
        vm.copySelection().ifPresent(text -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
            vm.messageProperty().set("Copied " + Words.blocksAndNotes(vm.selection().size(), vm.selectedNotes().size()));
        });
    }

    /** Pastes from the system clipboard next to the pointer; {@code keepIncoming} re-makes the wires that fed them. */
    public void paste(boolean keepIncoming) {
        String text = Clipboard.getSystemClipboard().getString();
        Point2D topLeft = toWorld(0, 0);
        Point2D bottomRight = toWorld(getWidth(), getHeight());
        vm.pasteInView(text, topLeft.getX(), topLeft.getY(), bottomRight.getX(), bottomRight.getY(), keepIncoming);
    }

    /** The input port within grabbing distance of a canvas point, if any. */
    PortView inputPortNear(Point2D world) {
        return connect.inputPortNear(world);
    }
}
