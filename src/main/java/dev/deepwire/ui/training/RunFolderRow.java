package dev.deepwire.ui.training;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The dock's line under a run's status once it has ended: "Saved in runs/marker-20261207-091234" and Copy path. At the
 * end of the status line the folder had been cut at 1024 × 700 ("… · run saved in runs/mar…"), whole only in a
 * tooltip; here, short of room, the line loses its start, never the folder's own name, and Copy path puts the whole
 * path on the clipboard (to paste into a file manager, a terminal, an e-mail to the teacher).
 */
final class RunFolderRow {
    private RunFolderRow() {
    }

    /** The row (id {@code train-run-folder-row}), shown while {@code vm} has a saved run; {@code said}: what was done. */
    static HBox of(TrainingViewModel vm, javafx.beans.property.Property<String> said) {
        Label folder = new Label();
        folder.setId("train-run-folder");
        folder.textProperty().bind(Bindings.createStringBinding(
                () -> vm.savedRunProperty().get() == null ? "" : "Saved in " + vm.savedRunShown(), vm.savedRunProperty()));
        folder.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS); // cut at its start: the folder's own name stays
        folder.setMinWidth(0);
        folder.setMaxWidth(Double.MAX_VALUE);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(Bindings.createStringBinding(
                () -> vm.savedRunProperty().get() == null ? "" : vm.savedRunProperty().get().toString(), vm.savedRunProperty()));
        whole.setWrapText(true);
        whole.setMaxWidth(600);
        folder.setTooltip(whole);
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button copy = new Button("Copy path");
        copy.setId("train-run-copy-path");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(e -> {
            Path dir = vm.savedRunProperty().get();
            if (dir != null) {
                ClipboardContent content = new ClipboardContent();
                content.putString(dir.toString());
                Clipboard.getSystemClipboard().setContent(content);
                said.setValue("Copied the run folder's path: " + dir);
            }
        });
        HBox row = new HBox(6, folder, copy);
        row.setId("train-run-folder-row");
        row.setAlignment(Pos.CENTER_LEFT);
        row.setMinHeight(Region.USE_PREF_SIZE);
        row.setMaxHeight(Region.USE_PREF_SIZE);
        row.visibleProperty().bind(vm.savedRunProperty().isNotNull());
        // its line kept from the start, shown or not: the settings below stay put when the first run ends (DockStaysPutUiTest)
        return row;
    }
}
