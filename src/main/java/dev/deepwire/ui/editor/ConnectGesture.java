package dev.deepwire.ui.editor;

import dev.deepwire.model.Edge;
import dev.deepwire.model.Port;
import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.CubicCurve;

/**
 * Wiring: dragging from an output port lights up the inputs that take it; dropping on one wires it (saying which
 * wire it replaced, if any), dropping on empty canvas offers the blocks that take the wire.
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
            if (!port.isInput()) {
                installOn(port);
            }
        }
    }

    private void installOn(PortView from) {
        from.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            for (NodeView v : views.nodes().values()) {
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
            double[] start = views.view(from.port().nodeId()).portCentre(from.port());
            Point2D p = viewport.sceneToWorld(e.getSceneX(), e.getSceneY());
            EdgeView.setPath(pending, start[0], start[1], p.getX(), p.getY());
            pending.setVisible(true);
            e.consume();
        });
        from.setOnMouseReleased(e -> {
            pending.setVisible(false);
            views.nodes().values().forEach(v -> v.ports().forEach(p -> p.getStyleClass().removeAll("port-compatible", "port-incompatible")));
            PortView target = inputPortNear(viewport.sceneToWorld(e.getSceneX(), e.getSceneY()));
            if (target != null) {
                connect(from.port(), target.port());
            } else if (!e.isStillSincePress()) {
                // Dropped on empty canvas: offer the blocks that take this wire, placed where it was dropped.
                Point2D local = viewport.sceneToPane(e.getSceneX(), e.getSceneY());
                quickAdd.open(local.getX(), local.getY(), from.port());
            }
            e.consume();
        });
    }

    private void connect(Port from, Port to) {
        Optional<Edge> was = vm.graph().edgeInto(to).filter(w -> !w.from().equals(from));
        String replaced = was.map(w -> WireNames.of(vm.graph(), w)).orElse(null);
        if (vm.connect(from, to).allowed() && replaced != null) {
            vm.messageProperty().set("Replaced the wire " + replaced + " with one from " + WireNames.port(vm.graph(), from)
                    + " — Undo (Ctrl+Z) puts it back");
        }
    }

    /** The input port within grabbing distance of a canvas point, if any. */
    PortView inputPortNear(Point2D world) {
        PortView best = null;
        double bestDistance = 14;
        for (NodeView v : views.nodes().values()) {
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
}
