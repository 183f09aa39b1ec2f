package dev.deepwire.ui;

import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.editor.Words;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * The status bar's message keeps its whole width before the counts and the backend take any: an HBox short of room
 * shrinks every child alike, so at 1024 × 700 "Undo Group 'The first residual stage with its layer norm'" was cut
 * to a third of the bar while "11 blocks · 12 wires · …" and "CPU (AVX-512, …" kept theirs. The counts keep their
 * short form whatever the message ("11 blocks · no problems": whether Train will start); after a run at 1024 × 700
 * the run's last line had left them "11 b…". Only a message wider than the rest of the bar is cut (whole on hover).
 * The backend (the CPU's name, the least read) gets what room is left.
 */
final class StatusWidth {
    /** The least the message keeps, whatever the bar's width. */
    static final double LEAST = 120;

    private StatusWidth() {
    }

    /**
     * The counts' label with what it may say: the whole summary ("11 blocks · 12 wires · 38,880 parameters · no
     * problems", {@code full}) where it fits beside the message, else its short form ({@code brief}).
     */
    record Counts(Label label, ReadOnlyStringProperty full, ReadOnlyStringProperty brief) {
    }

    /**
     * The window's foot: the message (what was just done, the editor's words: {@code vm}'s message with blocks named),
     * the counts, the backend, laid out as above within {@code window}'s width.
     */
    static HBox bar(Label status, Counts counts, Label backend, EditorViewModel vm, ReadOnlyDoubleProperty window) {
        // one line whatever a message carries: a file's name with a line break or a U+202E, quoted in "Not saved: …",
        // had split the bar in two and reversed the rest of the line
        status.textProperty().bind(Bindings.createStringBinding(() -> dev.deepwire.limits.VisibleText.oneLine(
                Words.named(vm.messageProperty().get(), vm.graph())), vm.messageProperty()));
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
        Label summary = counts.label();
        HBox bar = new HBox(16, status, grow, summary, backend);
        bar.getStyleClass().add("status-bar");
        summary.textProperty().bind(Bindings.createStringBinding(
                () -> room(bar, window) - width(status.getText(), status) >= width(counts.full().get(), summary)
                        ? counts.full().get() : counts.brief().get(),
                counts.full(), counts.brief(), status.textProperty(), status.fontProperty(), summary.fontProperty(), window));
        status.minWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(LEAST, Math.min(width(status.getText(), status), room(bar, window) - width(counts.brief().get(), summary))),
                status.textProperty(), status.fontProperty(), counts.brief(), summary.fontProperty(), window));
        summary.minWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(0, Math.min(summary.prefWidth(-1), room(bar, window) - status.getMinWidth())),
                summary.textProperty(), summary.fontProperty(), window, status.minWidthProperty()));
        return bar;
    }

    /**
     * The width {@code text} takes in a label such as {@code like}, rounded up to whole pixels: measured, not the
     * label's preferred width, which is still the last text's while the text's listeners run.
     */
    private static double width(String text, Label like) {
        Text t = new Text(text == null ? "" : text);
        t.setFont(like.getFont());
        return Math.ceil(t.getLayoutBounds().getWidth() + like.snappedLeftInset() + like.snappedRightInset()) + 1;
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
