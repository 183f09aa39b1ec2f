package dev.deepwire.ui.editor;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.scene.Scene;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * Fits the canvas's view once it and the views of a just-opened project have their real sizes: after the next
 * layout pass, when the split panes have sized the canvas and CSS has sized the blocks and notes. Until the user
 * zooms or pans, later size changes fit again.
 */
final class AutoFit {
    private final Region canvas;
    private final Runnable fit;
    private boolean on = true;
    private boolean pending;
    private boolean scheduled;

    AutoFit(Region canvas, Runnable fit) {
        this.canvas = canvas;
        this.fit = fit;
        InvalidationListener refit = o -> {
            if (on) {
                request();
            }
        };
        canvas.widthProperty().addListener(refit);
        canvas.heightProperty().addListener(refit);
        canvas.sceneProperty().addListener((o, a, b) -> {
            if (b != null && pending) {
                pending = false;
                request();
            }
        });
        canvas.addEventFilter(ScrollEvent.SCROLL, e -> stop());
        canvas.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> stop());
    }

    /** Fit after the next layout pass, and keep fitting on size changes until the user moves the view. */
    void request() {
        on = true;
        Scene scene = canvas.getScene();
        if (scene == null) {
            pending = true;
            return;
        }
        if (scheduled) {
            return;
        }
        scheduled = true;
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            scheduled = false;
            if (on) {
                fit.run();
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /** The user zoomed or panned: the view stays where they put it. */
    void stop() {
        on = false;
    }
}
