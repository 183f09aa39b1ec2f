package dev.deepwire.ui.editor;

import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** Asks for a project's description: several lines of plain text, kept only on OK. */
final class DescriptionDialog {
    private DescriptionDialog() {
    }

    static Dialog<String> create(Window owner, String projectName, String current) {
        Dialog<String> dialog = new Dialog<>();
        String name = dev.deepwire.limits.ShownName.line(projectName);
        dialog.setTitle("About " + name);
        dialog.setHeaderText("What " + name + " is for, shown when no block is selected (saved with the project).");
        TextArea text = new TextArea(current == null ? "" : current);
        text.setId("project-description-text");
        text.setWrapText(true);
        text.setPrefColumnCount(48);
        text.setPrefRowCount(8);
        dialog.getDialogPane().setContent(text);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK ? text.getText() : null);
        dialog.setOnShown(e -> javafx.application.Platform.runLater(text::requestFocus)); // after the dialog's own default focus
        if (owner != null) {
            dialog.initOwner(owner);
        }
        return dialog;
    }

    static Optional<String> ask(Window owner, String projectName, String current) {
        return create(owner, projectName, current).showAndWait();
    }
}
