package dev.deepwire.ui.controls;

import javafx.application.Platform;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Tooltips that stay up longer than JavaFX's five seconds, for text a person reads rather than glances at.
 *
 * <p>JavaFX times every tooltip of the program with one shared timer, and while a tooltip's time to stay up runs it
 * ignores the pointer everywhere. A window closed under a shown tooltip (Esc, a Close button) sends no "pointer left",
 * so that time ran on: with 30 s, no tooltip of DeepWire came for up to 30 s after closing Runs… under one. Taking a
 * shown tooltip off its control is JavaFX's own way to stop those timers; so when such a tooltip goes because its
 * window has gone, it is taken off and put back, out of sight.
 */
public final class Tooltips {
    private Tooltips() {
    }

    /** Gives {@code control} a wrapping tooltip of {@code text}, at most {@code maxWidth} wide, up to {@code shown}. */
    public static void setLingering(Control control, String text, double maxWidth, Duration shown) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(maxWidth);
        tip.setShowDuration(shown);
        tip.setOnHidden(e -> {
            Window owner = tip.getOwnerWindow();
            // later, never inside JavaFX's own hiding; only when the window under it has gone
            Platform.runLater(() -> {
                if ((owner == null || !owner.isShowing()) && control.getTooltip() == tip) {
                    Tooltip.uninstall(control, tip);
                    Tooltip.install(control, tip);
                }
            });
        });
        control.setTooltip(tip);
    }
}
