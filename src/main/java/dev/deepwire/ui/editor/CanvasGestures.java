package dev.deepwire.ui.editor;

import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * The canvas's own keys and pointer: the key map's actions, Space held to pan (tapped for quick-add), middle- or
 * right-drag to pan, the wheel to zoom, a double-click for quick-add, a left-drag on empty canvas for a rubber band.
 */
final class CanvasGestures {
    private final GraphCanvas canvas;
    private final EditorViewModel vm;
    private final Viewport viewport;
    private final CanvasViews views;
    private final WireGesture wires;
    private final RubberBand rubberBand;
    private final Minimap minimap;
    private final AutoFit autoFit;
    private Point2D panStart;
    private Point2D lastPointer = new Point2D(0, 0);
    private boolean spaceDown;
    private boolean spacePanned;
    /** The pointer moved over the canvas since Space last opened quick-add: the next block goes where it points. */
    private boolean pointerMoved;

    CanvasGestures(GraphCanvas canvas, EditorViewModel vm, Viewport viewport, CanvasViews views, WireGesture wires,
                   RubberBand rubberBand, Minimap minimap, AutoFit autoFit) {
        this.canvas = canvas;
        this.vm = vm;
        this.viewport = viewport;
        this.views = views;
        this.wires = wires;
        this.rubberBand = rubberBand;
        this.minimap = minimap;
        this.autoFit = autoFit;
    }

    /**
     * With the pointer over the canvas, keys are for the canvas rather than a button that kept the focus after a click
     * or a dialog (Space would press Save or reopen Runs… instead of opening quick-add); text being typed keeps it.
     */
    private void claimKeysFromAButton() {
        if (canvas.isFocused() || canvas.getScene() == null || KeyMap.typingIn(canvas.getScene()).isPresent()) {
            return;
        }
        Node owner = canvas.getScene().getFocusOwner();
        if (owner == null || owner instanceof ButtonBase) {
            canvas.requestFocus();
        }
    }

    private String lastArrowed = "";

    /**
     * An arrow key on the canvas: the nearest block that way is selected (with Shift, added to the selection) and
     * scrolled just into view when it is not wholly in it (the view had been re-centred on it); the key stays with the canvas even where no block lies that way (it had moved the
     * keyboard to the panel beside it).
     */
    private void selectToward(int dx, int dy, boolean add) {
        java.util.List<dev.deepwire.model.Node> shown = vm.graph().nodes().stream()
                .filter(n -> vm.graph().groupOf(n.id()).filter(dev.deepwire.model.NodeGroup::collapsed).isEmpty()).toList();
        // from the block the arrows last reached while it is still selected (Shift+arrows select several), else the one
        Optional<dev.deepwire.model.Node> from = vm.selection().contains(lastArrowed) ? vm.graph().node(lastArrowed)
                : vm.selectedNode();
        ArrowSelection.next(shown, from.orElse(null), dx, dy, n -> views.bounds().modelBounds(n)).ifPresent(n -> {
            vm.select(n.id(), add);
            lastArrowed = n.id();
            canvas.reveal(views.bounds().modelBounds(n)); // scrolled only as far as shows it: the view does not jump
        });
    }

    void install() {
        canvas.setOnKeyPressed(e -> {
            // One key map for the canvas and the menus; a key typed into text (a note, a search) is never a command.
            Optional<KeyMap.Action> action = KeyMap.match(e);
            if (action.isEmpty() || KeyMap.typingIn(canvas.getScene()).isPresent()) {
                return;
            }
            switch (action.get()) {
                case DELETE -> {
                    if (views.selectedWire().isPresent()) {
                        wires.remove(views.selectedWire().get());
                    } else {
                        vm.deleteSelection();
                    }
                }
                case QUICK_ADD -> spaceDown = true; // held while dragging pans; a plain tap opens quick-add (on release)
                case FIT_VIEW -> canvas.fitView();
                case COPY -> canvas.copy();
                case PASTE -> canvas.paste(false);
                case PASTE_KEEPING_WIRES -> canvas.paste(true);
                case DUPLICATE -> vm.duplicateSelection();
                case UNDO -> vm.undo();
                case REDO -> vm.redo();
                case SELECT_ALL -> vm.selectAll();
                case STEP_NEXT, STEP_PREVIOUS -> {
                    int way = action.get() == KeyMap.Action.STEP_NEXT ? 1 : -1;
                    if (!canvas.stepOverlay().step(way)) {
                        selectToward(way, 0, false);
                    }
                }
                case SELECT_ABOVE -> selectToward(0, -1, false);
                case SELECT_BELOW -> selectToward(0, 1, false);
                case ADD_TOWARD -> selectToward(e.getCode() == KeyCode.RIGHT ? 1 : e.getCode() == KeyCode.LEFT ? -1 : 0,
                        e.getCode() == KeyCode.DOWN ? 1 : e.getCode() == KeyCode.UP ? -1 : 0, true);
                case WIRE_SELECTED -> vm.quickAdd().wireSelection();
                default -> {
                    return;
                }
            }
            e.consume();
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                canvas.zoomAt(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1, e.getX(), e.getY());
            }
            e.consume();
        });
        canvas.addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
            if (spaceDown && lastPointer != null) {
                viewport.panBy(e.getX() - lastPointer.getX(), e.getY() - lastPointer.getY());
                spacePanned = true;
                autoFit.stop();
            }
            lastPointer = new Point2D(e.getX(), e.getY());
            pointerMoved = true;
            claimKeysFromAButton();
            // Over a port that lies under the minimap, the minimap fades and lets the port be grabbed.
            minimap.setDragThrough(minimap.isVisible() && minimap.getBoundsInParent().contains(e.getX(), e.getY())
                    && views.portNear(canvas.toWorld(e.getX(), e.getY()), 14));
        });
        canvas.setOnKeyReleased(e -> {
            if (e.getCode() == KeyCode.SPACE) {
                if (spaceDown && !spacePanned && KeyMap.typingIn(canvas.getScene()).isEmpty()) {
                    canvas.openQuickAddByKey(lastPointer.getX(), lastPointer.getY(), pointerMoved);
                    pointerMoved = false; // the next Space with the pointer left here: right of the block just added
                }
                spaceDown = false;
                spacePanned = false;
                e.consume();
            }
        });
        canvas.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && e.getTarget() == canvas) {
                canvas.openQuickAdd(e.getX(), e.getY(), null);
            }
        });
        canvas.setOnMousePressed(e -> {
            canvas.requestFocus();
            if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.SECONDARY || spaceDown) {
                panStart = new Point2D(e.getX() - viewport.panX(), e.getY() - viewport.panY());
            } else if (e.getButton() == MouseButton.PRIMARY) {
                if (!e.isShiftDown()) {
                    vm.clearSelection();
                }
                views.selectWire(null);
                rubberBand.begin(canvas.toWorld(e.getX(), e.getY()));
            }
        });
        canvas.setOnMouseDragged(e -> {
            if (panStart != null) {
                viewport.panTo(e.getX() - panStart.getX(), e.getY() - panStart.getY());
            } else if (rubberBand.active()) {
                rubberBand.dragTo(canvas.toWorld(e.getX(), e.getY()));
            }
        });
        canvas.setOnMouseReleased(e -> {
            rubberBand.end();
            panStart = null;
        });
    }
}
