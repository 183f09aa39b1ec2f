package dev.deepwire.ui.controls;

import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;

/**
 * The one rule for how large a window of the workbench opens: the size its content wants, or less where the screen is
 * smaller, leaving room for the desktop's own bars — so every window opens whole on a 1024 × 700 screen (the
 * counterfactual pair opened 1,200 px wide, off the side of it).
 */
public final class WindowSizes {
    /** Room left beside and below a window for the desktop's panels and the window's own frame. */
    static final double MARGIN_WIDE = 40;
    static final double MARGIN_HIGH = 60;

    private WindowSizes() {
    }

    /** A scene of {@code root} at {@code width} × {@code height}, or as much as the primary screen shows. */
    public static Scene scene(Parent root, double width, double height) {
        double[] size = fit(width, height, Screen.getPrimary().getVisualBounds());
        return new Scene(root, size[0], size[1]);
    }

    /** {@code width} × {@code height}, made to fit {@code screen} less the margins. */
    static double[] fit(double width, double height, Rectangle2D screen) {
        return new double[] {Math.min(width, screen.getWidth() - MARGIN_WIDE), Math.min(height, screen.getHeight() - MARGIN_HIGH)};
    }
}
