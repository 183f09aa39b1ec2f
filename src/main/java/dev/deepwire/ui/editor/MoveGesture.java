package dev.deepwire.ui.editor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * Moving blocks and notes: pressing a block selects it (Shift or Shortcut toggles), pressing a group's title (or a
 * collapsed box) selects its blocks; dragging moves the selection live — its notes too (Select All's or the band's) —
 * and releasing makes one undoable move. A note that is not selected moves alone.
 */
final class MoveGesture {
    private final EditorViewModel vm;
    private final Viewport viewport;
    private final CanvasViews views;
    private final Runnable focus;
    private Map<String, double[]> dragStart;
    /** How far the selection has been dragged so far, in canvas units. */
    private double[] delta = new double[2];
    /** Where each note being dragged started (the selection's notes, or the one note pressed). */
    private Map<String, double[]> noteStart;
    private Point2D pressWorld;

    MoveGesture(EditorViewModel vm, Viewport viewport, CanvasViews views, Runnable focus) {
        this.vm = vm;
        this.viewport = viewport;
        this.views = views;
        this.focus = focus;
    }

    void installOn(NodeView view) {
        view.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY || e.getTarget() instanceof PortView) {
                return;
            }
            focus.run();
            if (e.isShiftDown() || e.isShortcutDown()) {
                if (!vm.selection().remove(view.nodeId())) {
                    vm.selection().add(view.nodeId());
                }
            } else if (!vm.selection().contains(view.nodeId())) {
                vm.select(view.nodeId(), false);
            }
            begin(e);
        });
        installDrag(view);
    }

    void installOn(GroupView view) {
        // collapsed, the box and its name (drawn above notes, in a layer of its own) both take the mouse
        for (Node handle : view.group().collapsed() ? List.of(view, view.title()) : List.of(view.title())) {
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
                focus.run();
                vm.selection().clear();
                vm.selection().addAll(view.group().members().stream().filter(views.nodes()::containsKey).toList());
                begin(e);
            });
            installDrag(handle);
        }
    }

    /** A note: pressed while selected it moves the whole selection with it; pressed otherwise, itself alone. */
    void installOn(NoteView view) {
        view.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY || view.editing()) {
                return; // while it is written, the mouse is the text's
            }
            focus.run();
            String id = view.noteId();
            if (vm.selectedNotes().contains(id) && !vm.lockedProperty().get()) {
                begin(e);
            } else {
                e.consume();
                dragStart = new LinkedHashMap<>(); // a note is no part of the network: it moves while training too
                noteStart = new LinkedHashMap<>(Map.of(id, new double[] {view.getLayoutX(), view.getLayoutY()}));
                pressWorld = viewport.sceneToWorld(e.getSceneX(), e.getSceneY());
            }
        });
        installDrag(view);
    }

    /** Starts moving the selected blocks and notes from where the mouse was pressed (not while a run holds the graph). */
    private void begin(MouseEvent e) {
        e.consume();
        if (vm.lockedProperty().get()) {
            dragStart = null; // selected, not moved: a block dragged while training had moved outside Undo
            return;
        }
        dragStart = new LinkedHashMap<>();
        delta = new double[2];
        // from the model, not the views: a block far from the view has none, and asking made one for every selected
        // block (Select All on a chain of 30,000 blocks made 30,000 views at the first drag)
        for (String id : vm.selection()) {
            vm.graph().node(id).ifPresent(n -> dragStart.put(id, new double[] {n.x(), n.y()}));
        }
        noteStart = new LinkedHashMap<>();
        for (String id : vm.selectedNotes()) {
            NoteView v = views.note(id);
            if (v != null) {
                noteStart.put(id, new double[] {v.getLayoutX(), v.getLayoutY()});
            }
        }
        pressWorld = viewport.sceneToWorld(e.getSceneX(), e.getSceneY());
    }

    /** Dragging {@code handle} moves the blocks live; releasing pushes one undoable move. */
    private void installDrag(Node handle) {
        handle.setOnMouseDragged(e -> {
            if (dragStart != null) {
                dragTo(e);
                e.consume();
            } else if (e.getButton() == MouseButton.PRIMARY && vm.lockedProperty().get()) {
                vm.refuseWhileLocked(); // says why the block stays where it is
                e.consume();
            }
        });
        handle.setOnMouseReleased(e -> {
            if (dragStart != null) {
                end(e); // the release point counts, not only the last drag event
                e.consume();
            }
        });
    }

    private void end(MouseEvent e) {
        if (!e.isStillSincePress()) {
            dragTo(e);
        }
        Map<String, double[]> moved = new LinkedHashMap<>();
        dragStart.forEach((id, xy) -> moved.put(id, new double[] {Math.round(xy[0] + delta[0]), Math.round(xy[1] + delta[1])}));
        Map<String, double[]> notesMoved = new LinkedHashMap<>();
        noteStart.keySet().stream().filter(id -> views.note(id) != null).forEach(id -> notesMoved.put(id, new double[] {
                Math.round(views.note(id).getLayoutX()), Math.round(views.note(id).getLayoutY())}));
        dragStart = null;
        noteStart = null;
        pressWorld = null;
        if (moved.isEmpty() && notesMoved.size() == 1) {
            notesMoved.forEach((id, xy) -> vm.moveNote(id, xy[0], xy[1])); // one note alone, while training too
        } else {
            vm.moveItems(moved, notesMoved); // one undo step puts blocks and notes back
        }
    }

    private void dragTo(MouseEvent e) {
        Point2D p = viewport.sceneToWorld(e.getSceneX(), e.getSceneY());
        double dx = p.getX() - pressWorld.getX();
        double dy = p.getY() - pressWorld.getY();
        delta = new double[] {dx, dy};
        dragStart.forEach((id, xy) -> {
            NodeView v = views.existing(id); // a block without a view is moved in the model at the release
            if (v != null) {
                v.relocate(xy[0] + dx, xy[1] + dy);
            }
        });
        noteStart.forEach((id, xy) -> {
            NoteView v = views.note(id);
            if (v != null) {
                v.relocate(xy[0] + dx, xy[1] + dy);
            }
        });
        if (!dragStart.isEmpty()) {
            views.routeEdges(true); // routed around the blocks again on release
        }
    }
}
