package dev.deepwire.ui.training;

import dev.deepwire.ui.controls.Tooltips;
import java.util.List;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.util.Duration;

/**
 * A kept run's row in Runs…: its line wrapped to the list's width, never wider (a run's settings had run the row past
 * the dialog's right edge, cut off there), a word too long for a line cut with '…'; the whole line in its tooltip.
 */
final class RunCell extends ListCell<RunHistory.Run> {
    /** What sets each listed run apart from the others ({@link RunDifferences}), by its folder. */
    private final java.util.function.Supplier<java.util.Map<java.nio.file.Path, String>> apart;

    RunCell(java.util.function.Supplier<java.util.Map<java.nio.file.Path, String>> apart) {
        this.apart = apart;
        setWrapText(true);
        setPrefWidth(0); // as wide as the list gives, not as the text asks: no row wider than the list
        getStyleClass().add("run-row");
    }

    /** The list of {@code runs}, read already (a few, here and now), each row saying what sets its run apart. */
    static ListView<RunHistory.Run> list(List<RunHistory.Run> runs) {
        return list(runs, RunDifferences.of(runs));
    }

    /**
     * The list of {@code runs}, newest first, each row wrapped to the list's width and saying what {@code apart} says
     * sets its run apart from the others listed ({@link #apart} replaces it, as after a delete).
     */
    static ListView<RunHistory.Run> list(List<RunHistory.Run> runs, java.util.Map<java.nio.file.Path, String> apart) {
        ListView<RunHistory.Run> list = new ListView<>();
        list.setId("runs-list");
        java.util.Map<java.nio.file.Path, String> shown = new java.util.HashMap<>(apart);
        list.getProperties().put(APART, shown);
        list.setCellFactory(l -> new RunCell(() -> shown));
        list.getItems().setAll(runs);
        return list;
    }

    /** Shows what sets each run of {@code list} apart ({@code apart}, by folder) from now on. */
    @SuppressWarnings("unchecked")
    static void apart(ListView<RunHistory.Run> list, java.util.Map<java.nio.file.Path, String> apart) {
        java.util.Map<java.nio.file.Path, String> shown = (java.util.Map<java.nio.file.Path, String>) list.getProperties()
                .get(APART);
        shown.clear();
        shown.putAll(apart);
        list.refresh();
    }

    private static final String APART = "deepwire.runsApart";

    @Override
    protected void updateItem(RunHistory.Run run, boolean empty) {
        super.updateItem(run, empty);
        String text = empty || run == null ? null : RunDifferences.line(run, apart.get());
        setText(text);
        if (text == null) {
            setTooltip(null);
            return;
        }
        // why a figure reads "unknown": the record's value and that no run records it
        Tooltips.setLingering(this, run.doubt().isEmpty() ? text : text + "\n" + run.doubt(), 640,
                Duration.seconds(30));
    }
}
