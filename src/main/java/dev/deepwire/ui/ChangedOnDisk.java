package dev.deepwire.ui;

import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * The question asked when Save would replace a project file that was changed outside this window since it was opened
 * or saved here (another program, a version-control update, another DeepWire window on the same file).
 */
final class ChangedOnDisk {
    enum Answer { REPLACE, SAVE_AS, CANCEL }

    static final String REPLACE = "Replace It";
    static final String SAVE_AS = "Save As…";

    private ChangedOnDisk() {
    }

    static Answer ask(Window owner, Path file) {
        ButtonType replace = new ButtonType(REPLACE, ButtonBar.ButtonData.OTHER);
        ButtonType saveAs = new ButtonType(SAVE_AS, ButtonBar.ButtonData.YES);
        Alert alert = new Alert(Alert.AlertType.WARNING, file.getFileName() + " was changed outside this window since it "
                + "was opened or saved here — by another program, or another DeepWire window on the same file.\n\n"
                + "Replace It writes this window's project over that version, and the changes made there are lost. "
                + "Save As… keeps both: this window's project goes to a new file.\n\n" + file, replace, saveAs,
                ButtonType.CANCEL);
        alert.setTitle("Changed on disk");
        alert.setHeaderText(file.getFileName() + " changed on disk");
        alert.initOwner(owner);
        alert.getDialogPane().setMaxWidth(640);
        return alert.showAndWait().map(b -> b == replace ? Answer.REPLACE : b == saveAs ? Answer.SAVE_AS : Answer.CANCEL)
                .orElse(Answer.CANCEL);
    }
}
