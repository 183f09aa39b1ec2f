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
        // from the keyboard: Enter starts a new line here, so Ctrl+Enter is OK (as it ends a note) and Tab goes on to
        // the buttons; Enter gave a new line and Tab a tab character, and OK could not be reached without the mouse
        text.setPromptText("Ctrl+Enter: OK");
        text.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && e.isShortcutDown()) {
                e.consume();
                ((javafx.scene.control.Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).fire();
            } else if (e.getCode() == javafx.scene.input.KeyCode.TAB && !e.isShortcutDown()) {
                e.consume();
                text.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                        javafx.scene.input.KeyCode.TAB, e.isShiftDown(), true, false, false));
            }
        });
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
