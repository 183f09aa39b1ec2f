package dev.deepwire.ui.controls;

import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Every window of the workbench opens whole on a screen. JavaFX centres a dialog on the window it belongs to and does
 * not look at the screen's edges: from a main window near the top-left corner that is smaller than the dialog (Runs…
 * is 950 px wide), the dialog opened partly above and left of the screen, its title bar and first rows out of reach.
 * Each window, once shown, is moved in by as little as puts it whole on the screen it is mostly on (its top-left corner
 * first where it is larger than the screen).
 */
public final class OnScreen {
    private OnScreen() {
    }

    /** Watches every window the application opens (installed once). */
    public static void install() {
        EveryStage.watch("deepwire.onScreen", w -> w.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            moveIn(w);
            Platform.runLater(() -> moveIn(w)); // a dialog may size itself once more as it lays out
        }));
    }

    /** Moves {@code w} onto the screen it is mostly on, or the primary screen where it is on none. */
    static void moveIn(Window w) {
        if (!w.isShowing() || Double.isNaN(w.getX()) || Double.isNaN(w.getY())) {
            return;
        }
        List<Screen> under = Screen.getScreensForRectangle(w.getX(), w.getY(), Math.max(1, w.getWidth()),
                Math.max(1, w.getHeight()));
        Rectangle2D bounds = (under.isEmpty() ? Screen.getPrimary() : under.get(0)).getVisualBounds();
        double x = inside(w.getX(), w.getWidth(), bounds.getMinX(), bounds.getMaxX());
        double y = inside(w.getY(), w.getHeight(), bounds.getMinY(), bounds.getMaxY());
        if (x != w.getX()) {
            w.setX(x);
        }
        if (y != w.getY()) {
            w.setY(y);
        }
    }

    /** Where a window at {@code at}, {@code size} long, starts to lie within {@code [min, max]}: its start first. */
    static double inside(double at, double size, double min, double max) {
        return Math.max(min, Math.min(at, max - size));
    }
}
