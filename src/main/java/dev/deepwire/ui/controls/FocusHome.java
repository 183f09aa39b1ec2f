package dev.deepwire.ui.controls;

import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Where the keyboard goes when the control that has it greys out: back to the window's home (the canvas). Left to
 * JavaFX, focus moves on to the next control — Redo greyed out handed it to Auto-arrange, Stop to Train — and the next
 * Space pressed that button. Esc in a control beside the canvas hands the keyboard back to it too.
 */
public final class FocusHome {
    private FocusHome() {
    }

    /**
     * In the scene that holds {@code root} (now and after it is moved to another), a focused control that is disabled
     * hands focus to {@code home} instead of the next control.
     */
    public static void install(Node root, Node home) {
        Node[] watched = {null};
        InvalidationListener greyedOut = o -> {
            Node n = watched[0];
            if (n != null && n.isDisabled() && n.isFocused() && n != home && home.getScene() == n.getScene()
                    && !home.isDisabled()) {
                home.requestFocus();
            }
        };
        ChangeListener<Node> owner = (o, was, now) -> {
            if (was != null) {
                was.disabledProperty().removeListener(greyedOut);
            }
            watched[0] = now;
            if (now != null) {
                now.disabledProperty().addListener(greyedOut);
            }
        };
        ChangeListener<Scene> scene = (o, was, now) -> {
            if (was != null) {
                was.focusOwnerProperty().removeListener(owner);
            }
            if (now != null) {
                now.focusOwnerProperty().addListener(owner);
                owner.changed(now.focusOwnerProperty(), watched[0], now.getFocusOwner());
            }
        };
        root.sceneProperty().addListener(scene);
        scene.changed(root.sceneProperty(), null, root.getScene());
        // Esc in a field or list beside the canvas (the inspector, the palette, the training settings) hands the keys
        // back to the canvas, the field keeping what was typed as leaving it does; it had done nothing there, and
        // building from the keyboard, a person could not come back from a block's parameters to press Space on the
        // canvas (a control that uses Esc itself, an open list or quick-add, consumes it first)
        root.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            Scene s = root.getScene();
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && s != null && s.getFocusOwner() != null
                    && s.getFocusOwner() != home && home.getScene() == s && !home.isDisabled()) {
                home.requestFocus();
                e.consume();
            }
        });
        // ← and → on a button of a row marked with arrowsGoHome (the dock's Train / Pause / Resume / Stop, step mode's
        // Previous / Next / … / Leave step mode) mean what they mean on the canvas — the next step, the next block —
        // and the canvas takes the keyboard back: left to JavaFX they moved it along the row, so Pause, →, Space
        // stopped the run and Next, →, →, →, Space left step mode.
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            Scene s = root.getScene();
            boolean arrow = e.getCode() == javafx.scene.input.KeyCode.LEFT || e.getCode() == javafx.scene.input.KeyCode.RIGHT;
            if (!arrow || e.getTarget() == home || s == null || home.getScene() != s || home.isDisabled() || !inMarkedRow(s.getFocusOwner())) {
                return;
            }
            e.consume();
            home.requestFocus();
            javafx.event.Event.fireEvent(home, e.copyFor(home, home));
        });
    }

    private static final String ARROWS_GO_HOME = "focus-home.arrows";

    /**
     * Marks a row of buttons whose ← and → belong to the window's home (the canvas) rather than moving the keyboard
     * from button to button: so an arrow key can never carry it onto a button that ends something (Stop, Leave step
     * mode) for the next Space to press. Tab still reaches every button.
     */
    public static void arrowsGoHome(Node row) {
        row.getProperties().put(ARROWS_GO_HOME, Boolean.TRUE);
    }

    private static boolean inMarkedRow(Node focused) {
        if (!(focused instanceof javafx.scene.control.ButtonBase)) {
            return false;
        }
        for (Node n = focused.getParent(); n != null; n = n.getParent()) {
            if (Boolean.TRUE.equals(n.getProperties().get(ARROWS_GO_HOME))) {
                return true;
            }
        }
        return false;
    }
}
