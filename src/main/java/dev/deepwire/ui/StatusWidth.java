package dev.deepwire.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * The status bar's message keeps its whole width before the counts and the backend take any: an HBox short of room
 * shrinks every child alike, so at 1024 × 700 "Undo Group 'The first residual stage with its layer norm'" was cut
 * to a third of the bar while "11 blocks · 12 wires · …" and "CPU (AVX-512, …" kept theirs. Only a message wider than
 * the whole bar is cut (whole on hover).
 */
final class StatusWidth {
    /** The least the message keeps, whatever the bar's width. */
    static final double LEAST = 120;

    private StatusWidth() {
    }

    /**
     * Then the counts before the backend: with the message kept whole, {@code summary} ("11 blocks · 12 wires · 38,880
     * parameters · no problems", whether Train will start) keeps what room is left before {@code backend} (the CPU's
     * name, the least read) keeps any. Opened on the default sample at 1024 × 700, "Opened the sample marker — Save
     * asks where to keep your copy" left "… parameters · no…" and "CPU (AVX2, 2 threads, O…".
     */
    static void countsBeforeBackend(Label message, Label summary, HBox bar) {
        summary.minWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            double room = bar.getWidth() - bar.snappedLeftInset() - bar.snappedRightInset()
                    - bar.getSpacing() * (bar.getChildren().size() - 1);
            return Math.max(0, Math.min(summary.prefWidth(-1), room - message.getMinWidth()));
        }, summary.textProperty(), summary.fontProperty(), bar.widthProperty(), message.minWidthProperty()));
    }

    /** Makes {@code message} (the first of {@code bar}'s children) give way last. */
    static void keepWhole(Label message, HBox bar) {
        message.minWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            double room = bar.getWidth() - bar.snappedLeftInset() - bar.snappedRightInset()
                    - bar.getSpacing() * (bar.getChildren().size() - 1);
            return Math.max(LEAST, Math.min(message.prefWidth(-1), room));
        }, message.textProperty(), message.fontProperty(), bar.widthProperty()));
    }
}
