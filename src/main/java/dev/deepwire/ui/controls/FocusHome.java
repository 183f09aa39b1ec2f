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
    }
}
