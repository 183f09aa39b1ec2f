package dev.deepwire.ui.controls;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The one way a rule reaches every window the application opens (not a menu's or tooltip's popup): {@link FocusReturn}
 * and {@link OnScreen} had each kept their own watch on JavaFX's list of windows.
 */
final class EveryStage {
    private static final Set<String> INSTALLED = new HashSet<>();

    private EveryStage() {
    }

    /** Hands {@code watch} each window open now and each opened later, once per window; installed once per {@code key}. */
    static void watch(String key, Consumer<Stage> watch) {
        if (!INSTALLED.add(key)) {
            return;
        }
        Consumer<Window> once = w -> {
            if (w instanceof Stage s && w.getProperties().putIfAbsent(key, Boolean.TRUE) == null) {
                watch.accept(s);
            }
        };
        Window.getWindows().forEach(once);
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(once);
            }
        });
    }
}
