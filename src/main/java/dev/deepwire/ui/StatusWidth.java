package dev.deepwire.ui;

import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.editor.Words;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

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
    /**
     * The window's foot: the message (what was just done, the editor's words: {@code vm}'s message with blocks named),
     * the counts, the backend, laid out as above within {@code window}'s width.
     */
    static HBox bar(Label status, Label summary, Label backend, EditorViewModel vm, ReadOnlyDoubleProperty window) {
        status.textProperty().bind(Bindings.createStringBinding(() -> Words.named(vm.messageProperty().get(), vm.graph()),
                vm.messageProperty()));
        status.setId("status-message");
        // a message cut short at a small window's width ("…, bet…", a run's folder) is read whole on hover
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(status.textProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(640);
        status.textProperty().addListener((o, a, b) -> status.setTooltip(b == null || b.isEmpty() ? null : whole));
        backend.setMinWidth(0);
        backend.getStyleClass().add("muted");
        backend.setId("status-backend");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(16, status, grow, summary, backend);
        bar.getStyleClass().add("status-bar");
        keepWhole(status, bar, window);
        countsBeforeBackend(status, summary, bar, window);
        return bar;
    }

    static void countsBeforeBackend(Label message, Label summary, HBox bar, ReadOnlyDoubleProperty window) {
        summary.minWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(0, Math.min(summary.prefWidth(-1), room(bar, window) - message.getMinWidth())),
                summary.textProperty(), summary.fontProperty(), window, message.minWidthProperty()));
    }

    /** Makes {@code message} (the first of {@code bar}'s children) give way last. */
    static void keepWhole(Label message, HBox bar, ReadOnlyDoubleProperty window) {
        message.minWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(LEAST, Math.min(message.prefWidth(-1), room(bar, window))),
                message.textProperty(), message.fontProperty(), window));
    }

    /**
     * What the bar's labels share: the window's width (never the bar's own: a bar given its children's least widths
     * had grown a pixel or two with every layout pass — their least widths were worked out from its width, then
     * rounded up — until a finished run's line "… · run saved in /…/runs/marker-…" widened the window's whole
     * content past the window at 1024 × 700, the block inspector pushed out of sight), less its insets and spacing,
     * rounded down to whole pixels.
     */
    private static double room(HBox bar, ReadOnlyDoubleProperty window) {
        return Math.floor(window.get() - bar.snappedLeftInset() - bar.snappedRightInset()
                - bar.getSpacing() * (bar.getChildren().size() - 1)) - 1;
    }
}
