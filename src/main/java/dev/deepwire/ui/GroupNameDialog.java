package dev.deepwire.ui;

import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/** Edit ▸ Group: asks the group's name, in a field wide enough for a sentence (the default field fit one word). */
final class GroupNameDialog {
    /** About a sentence's worth of characters shown at once. */
    static final int COLUMNS = 40;

    private GroupNameDialog() {
    }

    static TextInputDialog create(Window owner) {
        TextInputDialog ask = new TextInputDialog("Encoder block");
        ask.setTitle("Name the group");
        ask.setHeaderText("Name the group");
        ask.setContentText("Name:");
        ask.getEditor().setPrefColumnCount(COLUMNS);
        if (owner != null) {
            ask.initOwner(owner);
        }
        return ask;
    }
}
