package dev.deepwire.ui;

import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/**
 * Edit ▸ Group: asks the group's name, in a field wide enough for a sentence (the default field fit one word); OK is
 * off while the name is empty or only spaces.
 */
final class GroupNameDialog {
    /** About a sentence's worth of characters shown at once. */
    static final int COLUMNS = 40;

    private GroupNameDialog() {
    }

    static TextInputDialog create(Window owner) {
        TextInputDialog ask = new TextInputDialog("Encoder block");
        ask.setTitle("Name the group");
        ask.setContentText("Name:");
        ask.getEditor().setPrefColumnCount(COLUMNS);
        // a name cleared is refused visibly (OK off, the header says why): it had become "Group" without a word
        javafx.scene.Node ok = ask.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK);
        ok.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> ask.getEditor().getText().isBlank(), ask.getEditor().textProperty()));
        ask.headerTextProperty().bind(javafx.beans.binding.Bindings.when(ok.disableProperty())
                .then("A group needs a name").otherwise("Name the group"));
        if (owner != null) {
            ask.initOwner(owner);
        }
        return ask;
    }
}
