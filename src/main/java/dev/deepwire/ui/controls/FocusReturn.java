package dev.deepwire.ui.controls;

import java.io.File;
import java.util.List;
import javafx.application.Platform;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * The keys go back to the window a dialog was opened from once it closes. A dialog without an owner (View ▸ Backend's
 * note) and a native file dialog left the keyboard with no window of DeepWire's when no window manager gave it back
 * (a kiosk, Xvfb): keys went to whatever lay under the pointer, so Ctrl+Q did nothing with the pointer off the window.
 * Where a window manager has already given the keys to one of DeepWire's windows, nothing is moved.
 */
public final class FocusReturn {
    private FocusReturn() {
    }

    /** Watches every window the application opens (installed once; a menu's or tooltip's popup never had the keys). */
    public static void install() {
        EveryStage.watch("deepwire.focusReturn", FocusReturn::watch);
    }

    private static void watch(Stage w) {
        boolean[] hadKeys = {false};
        w.addEventFilter(WindowEvent.WINDOW_HIDING, e -> hadKeys[0] = w.isFocused());
        w.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            if (hadKeys[0]) {
                Window owner = w.getOwner();
                Platform.runLater(() -> back(owner));
            }
        });
    }

    /**
     * Gives the keys to {@code owner} (or, without one, to the front window still open) unless one of the
     * application's windows has them already.
     */
    public static void back(Window owner) {
        Window to = target(Window.getWindows(), owner, Window::isFocused);
        if (to != null) {
            to.requestFocus();
        }
    }

    /** Which of {@code windows} gets the keys back ({@link #back}): none while one of them {@code hasKeys}. */
    static Window target(List<Window> windows, Window owner, java.util.function.Predicate<Window> hasKeys) {
        List<Window> open = windows.stream().filter(Window::isShowing).toList();
        if (open.stream().anyMatch(hasKeys)) {
            return null;
        }
        return owner != null && owner.isShowing() ? owner
                : open.stream().filter(w -> w instanceof Stage).reduce((a, b) -> b).orElse(null);
    }

    /** {@link FileChooser#showSaveDialog}, then the keys back to {@code owner}. */
    public static File save(FileChooser chooser, Window owner) {
        File chosen = chooser.showSaveDialog(owner);
        back(owner);
        return chosen;
    }

    /** {@link FileChooser#showOpenDialog}, then the keys back to {@code owner}. */
    public static File open(FileChooser chooser, Window owner) {
        File chosen = chooser.showOpenDialog(owner);
        back(owner);
        return chosen;
    }

    /** {@link DirectoryChooser#showDialog}, then the keys back to {@code owner}. */
    public static File folder(DirectoryChooser chooser, Window owner) {
        File chosen = chooser.showDialog(owner);
        back(owner);
        return chosen;
    }
}
