package dev.deepwire.ui.inspect;

import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Redraws for new captures while following a run, at most every {@link InspectorModel#LIVE_MS}: one due at once
 * when the last is older, else once that time is up (showing the newest capture by then). Captures come every 20
 * steps — several a second on a small model — and each redraw (map, labels, slider ticks) and the compiling of its
 * code competed with the training thread for the CPU.
 */
final class LiveRedraw {
    private final InspectorModel model;
    private final Runnable redraw;
    private final PauseTransition wait = new PauseTransition();

    LiveRedraw(InspectorModel model, Runnable redraw) {
        this.model = model;
        this.redraw = redraw;
        wait.setOnFinished(e -> now());
    }

    /** A capture arrived; {@code running}: a run is going (otherwise it is drawn at once). */
    void request(boolean running) {
        if (wait.getStatus() == Animation.Status.RUNNING) {
            return; // already due: it will show the newest capture
        }
        long waitMs = model.liveDelayMs(System.nanoTime(), running);
        if (waitMs <= 0) {
            now();
        } else {
            wait.setDuration(Duration.millis(waitMs));
            wait.playFromStart();
        }
    }

    /** The run ended: a redraw still waiting happens now. */
    void flush() {
        if (wait.getStatus() == Animation.Status.RUNNING) {
            wait.stop();
            now();
        }
    }

    void stop() {
        wait.stop();
    }

    private void now() {
        model.redrawnAt(System.nanoTime());
        redraw.run();
    }
}
