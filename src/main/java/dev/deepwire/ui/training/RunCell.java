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
    RunCell() {
        setWrapText(true);
        setPrefWidth(0); // as wide as the list gives, not as the text asks: no row wider than the list
        getStyleClass().add("run-row");
    }

    /** The list of {@code runs}, newest first, each row wrapped to the list's width. */
    static ListView<RunHistory.Run> list(List<RunHistory.Run> runs) {
        ListView<RunHistory.Run> list = new ListView<>();
        list.getItems().setAll(runs);
        list.setId("runs-list");
        list.setCellFactory(l -> new RunCell());
        return list;
    }

    @Override
    protected void updateItem(RunHistory.Run run, boolean empty) {
        super.updateItem(run, empty);
        String text = empty || run == null ? null : run.toString();
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
