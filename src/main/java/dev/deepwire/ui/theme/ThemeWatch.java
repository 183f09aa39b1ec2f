package dev.deepwire.ui.theme;

import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Tells what a stylesheet cannot reach (charts drawn by JFreeChart, canvases drawn in code) whether the window
 * shows the light theme: the theme marks its scene's root with the style class {@link #LIGHT}, and a watched node
 * is told at once, whenever that mark changes, and when it moves to another window.
 */
public final class ThemeWatch {
    /** The style class on a scene's root while the light theme is shown. */
    public static final String LIGHT = "theme-light";

    private ThemeWatch() {
    }

    /** Marks (or unmarks) a scene as showing the light theme. */
    public static void mark(Scene scene, boolean light) {
        Parent root = scene.getRoot();
        root.getStyleClass().remove(LIGHT);
        if (light) {
            root.getStyleClass().add(LIGHT);
        }
    }

    /** Whether the scene {@code node} is in shows the light theme (false outside a scene). */
    public static boolean isLight(Node node) {
        Scene s = node.getScene();
        return s != null && s.getRoot() != null && s.getRoot().getStyleClass().contains(LIGHT);
    }

    /** Calls {@code onChange} with whether the light theme is shown, now and whenever that changes. */
    public static void watch(Node node, Consumer<Boolean> onChange) {
        boolean[] last = {isLight(node)};
        onChange.accept(last[0]);
        ListChangeListener<String> classes = c -> tell(node, onChange, last);
        ChangeListener<Parent> roots = (o, was, now) -> {
            if (was != null) {
                was.getStyleClass().removeListener(classes);
            }
            if (now != null) {
                now.getStyleClass().addListener(classes);
            }
            tell(node, onChange, last);
        };
        node.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.rootProperty().removeListener(roots);
                if (was.getRoot() != null) {
                    was.getRoot().getStyleClass().removeListener(classes);
                }
            }
            if (now != null) {
                now.rootProperty().addListener(roots);
                if (now.getRoot() != null) {
                    now.getRoot().getStyleClass().addListener(classes);
                }
            }
            tell(node, onChange, last);
        });
        if (node.getScene() != null) {
            node.getScene().rootProperty().addListener(roots);
            if (node.getScene().getRoot() != null) {
                node.getScene().getRoot().getStyleClass().addListener(classes);
            }
        }
    }

    private static void tell(Node node, Consumer<Boolean> onChange, boolean[] last) {
        boolean now = isLight(node);
        if (now != last[0]) {
            last[0] = now;
            onChange.accept(now);
        }
    }
}
