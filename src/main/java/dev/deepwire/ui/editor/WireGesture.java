package dev.deepwire.ui.editor;

import dev.deepwire.model.Edge;
import javafx.event.Event;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;

/**
 * Wires on the canvas: a click (or double-click) selects a wire and says how to remove it; only Delete or the
 * wire's context menu removes it, and the status bar says so with how to take it back. Nothing disconnects silently.
 */
final class WireGesture {
    private final EditorViewModel vm;
    private final CanvasViews views;
    private final Runnable focus;

    WireGesture(EditorViewModel vm, CanvasViews views, Runnable focus) {
        this.vm = vm;
        this.views = views;
        this.focus = focus;
    }

    void installOn(EdgeView view) {
        view.handle().setOnContextMenuRequested(e -> {
            // Made on request: a context menu is a popup window, too heavy to build for every wire up front.
            MenuItem remove = new MenuItem("Delete wire " + WireNames.of(vm.graph(), view.edge()));
            remove.setOnAction(a -> remove(view.edge()));
            new ContextMenu(remove).show(view.handle(), e.getScreenX(), e.getScreenY());
            e.consume();
        });
        view.handle().setOnMousePressed(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                focus.run();
                vm.selection().clear();
                views.selectWire(view.edge());
                vm.messageProperty().set("Wire " + WireNames.of(vm.graph(), view.edge()) + " selected: Delete removes it");
                e.consume();
            }
        });
        view.handle().setOnMouseClicked(Event::consume);
    }

    /** Removes a wire and says so in the status bar, with how to take it back. */
    void remove(Edge edge) {
        vm.disconnect(edge);
        if (!vm.graph().hasEdge(edge)) {
            views.selectWire(null);
        }
    }
}
