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
 * ignores the pointer everywhere. A tooltip hidden by anything but that timer or the pointer leaving its control left
 * that time running: its window closed under it (Close, Esc), or Esc put the tooltip away (JavaFX hides it without
 * telling the timer) and a second Esc closed the window — with 30 s, no tooltip of DeepWire came for up to 30 s, in
 * the main window either. Taking a tooltip off its control while JavaFX still counts it as shown is JavaFX's own way to
 * stop those timers; so when such a tooltip has gone that way, it is taken off and put back, out of sight. (Not after
 * every hiding: a row's tooltip hidden by the timers and brought back at once, the pointer on its row again, would lose
 * its coming.)
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
        // hidden past JavaFX's timers: Esc (or a click elsewhere) put it away, or its window went under it
        tip.setOnAutoHide(e -> Platform.runLater(() -> letGo(control, tip)));
        tip.setOnHidden(e -> {
            Window owner = tip.getOwnerWindow();
            if (owner == null || !owner.isShowing()) {
                Platform.runLater(() -> letGo(control, tip)); // later, never inside JavaFX's own hiding
            }
        });
        control.setTooltip(tip);
    }

    /** Stops JavaFX's tooltip timers if they still count {@code tip}, gone, as shown. */
    private static void letGo(Control control, Tooltip tip) {
        if (!tip.isShowing() && control.getTooltip() == tip) {
            Tooltip.uninstall(control, tip);
            Tooltip.install(control, tip);
        }
    }
}
