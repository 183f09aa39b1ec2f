package dev.deepwire.ui;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Types text as a person does: a key press and release for every character (TestFX's {@code write} sends only
 * the typed characters, so a Space never reaches key-press handlers the way a real keyboard's does).
 */
final class RealKeys {
    private RealKeys() {
    }

    static void type(FxRobot robot, String text) {
        for (char c : text.toCharArray()) {
            KeyCode code = switch (c) {
                case ' ' -> KeyCode.SPACE;
                case '.' -> KeyCode.PERIOD;
                case ',' -> KeyCode.COMMA;
                case '-' -> KeyCode.MINUS;
                default -> Character.isLetterOrDigit(c) ? KeyCode.getKeyCode(String.valueOf(Character.toUpperCase(c))) : null;
            };
            if (code == null) {
                throw new IllegalArgumentException("no key for '" + c + "'");
            }
            if (Character.isUpperCase(c)) {
                robot.press(KeyCode.SHIFT).press(code).release(code).release(KeyCode.SHIFT);
            } else {
                robot.press(code).release(code);
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scrolls the panel holding a control (as a person would) until the control is in view. */
    static Node reveal(FxRobot robot, Node node) {
        robot.interact(() -> {
            for (Node at = node.getParent(); at != null; at = at.getParent()) {
                if (at instanceof ScrollPane sp) {
                    double y = sp.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
                    double room = sp.getContent().getLayoutBounds().getHeight() - sp.getViewportBounds().getHeight();
                    sp.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 20) / room)));
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        return node;
    }
}
