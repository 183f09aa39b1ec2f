package dev.deepwire.ui.editor;

import dev.deepwire.model.Port;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.CubicCurve;

/**
 * Wiring, from either end: dragging from an output port lights up the inputs that take it; dropping on one wires it
 * (saying which wire it replaced, if any), dropping on empty canvas offers the blocks that take the wire. Dragging
 * from an input port lights up the outputs that can feed it, and dropping on one makes the same wire: an input that
 * already has a wire keeps it while dragging, and the new wire replaces it on the drop (as a drop from an output
 * on an occupied input does), one undoable edit.
 */
final class ConnectGesture {
    /** Where a dropped wire without a target opens quick-add (pane coordinates) and from which port. */
    interface QuickAddAt {
        void open(double x, double y, Port from);
    }

    private final EditorViewModel vm;
    private final Viewport viewport;
    private final CanvasViews views;
    private final QuickAddAt quickAdd;
    private final CubicCurve pending = new CubicCurve();

    ConnectGesture(EditorViewModel vm, Viewport viewport, CanvasViews views, QuickAddAt quickAdd) {
        this.vm = vm;
        this.viewport = viewport;
        this.views = views;
        this.quickAdd = quickAdd;
        pending.getStyleClass().add("wire-pending");
        pending.setVisible(false);
        pending.setMouseTransparent(true);
    }

    /** The wire drawn while dragging (the canvas puts it in its world layer). */
    CubicCurve pendingWire() {
        return pending;
    }

    void installOn(NodeView view) {
        for (PortView port : view.ports()) {
            installOn(port);
        }
    }

    private void installOn(PortView from) {
        from.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            // The ports at the wire's other end light up: inputs for a drag from an output, outputs for one from an input.
            for (NodeView v : views.nodes().values()) {
                for (PortView p : v.ports()) {
                    if (p.isInput() != from.isInput()) {
                        boolean ok = from.isInput() ? vm.checkConnection(p.port(), from.port()).allowed()
                                : vm.checkConnection(from.port(), p.port()).allowed();
                        p.getStyleClass().add(ok ? "port-compatible" : "port-incompatible");
                    }
                }
            }
            e.consume();
        });
        from.setOnMouseDragged(e -> {
            double[] end = views.view(from.port().nodeId()).portCentre(from.port());
            Point2D p = viewport.sceneToWorld(e.getSceneX(), e.getSceneY());
            // The wire is drawn from its output end to its input end, whichever end the drag started at.
            if (from.isInput()) {
                EdgeView.setPath(pending, p.getX(), p.getY(), end[0], end[1]);
            } else {
                EdgeView.setPath(pending, end[0], end[1], p.getX(), p.getY());
            }
            pending.setVisible(true);
            e.consume();
        });
        from.setOnMouseReleased(e -> {
            pending.setVisible(false);
            views.nodes().values().forEach(v -> v.ports().forEach(p -> p.getStyleClass().removeAll("port-compatible", "port-incompatible")));
            PortView target = portNear(viewport.sceneToWorld(e.getSceneX(), e.getSceneY()), !from.isInput());
            if (target != null) {
                if (from.isInput()) {
                    connect(target.port(), from.port());
                } else {
                    connect(from.port(), target.port());
                }
            } else if (!e.isStillSincePress()) {
                if (from.isInput()) {
                    vm.messageProperty().set("Drop the wire on an output port to feed " + WireNames.port(vm.graph(), from.port()));
                } else {
                    // Dropped on empty canvas: offer the blocks that take this wire, placed where it was dropped.
                    Point2D local = viewport.sceneToPane(e.getSceneX(), e.getSceneY());
                    quickAdd.open(local.getX(), local.getY(), from.port());
                }
            }
            e.consume();
        });
    }

    /** Wires the two ports; the editor says what was done ("Replaced the wire … with one from …" where one was there). */
    private void connect(Port from, Port to) {
        vm.connect(from, to);
    }

    /** The input port within grabbing distance of a canvas point, if any. */
    PortView inputPortNear(Point2D world) {
        return portNear(world, true);
    }

    /** The input (or output) port within grabbing distance of a canvas point, if any. */
    private PortView portNear(Point2D world, boolean input) {
        PortView best = null;
        double bestDistance = 14;
        for (NodeView v : views.nodes().values()) {
            for (PortView p : v.ports()) {
                if (p.isInput() != input) {
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
}
