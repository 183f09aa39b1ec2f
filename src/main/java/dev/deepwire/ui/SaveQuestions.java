package dev.deepwire.ui;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The questions asked before a project's work could be lost: unsaved changes, a typed value, a file changed on disk. */
final class SaveQuestions {
    enum Answer { REPLACE, SAVE_AS, CANCEL }

    enum Unsaved { SAVE, DISCARD, CANCEL }

    static final String REPLACE = "Replace It";
    static final String SAVE_AS = "Save As…";

    private SaveQuestions() {
    }

    /**
     * The question asked before unsaved work gives way to {@code doing} ("opening marker.dwproj", "quitting DeepWire"),
     * worded as a person reads it: a project never saved is "the new, unsaved project" (it had been asked "Save changes
     * to untitled before closing it?" when another project was being opened), an opened sample is "your copy of the
     * sample …", a saved one names its file. The one place these questions are worded.
     *
     * @param name the project's name; {@code file} where it is saved (null: never); {@code sample}: an opened sample
     */
    static String unsavedQuestion(String name, Path file, boolean sample, String doing) {
        String shown = dev.deepwire.limits.ShownName.line(name);
        String what = file != null ? "the changes to " + dev.deepwire.limits.ShownName.line(file)
                : sample ? "your copy of the sample “" + shown + "” (not saved yet)"
                : "the new, unsaved project" + (dev.deepwire.model.Project.UNTITLED.equals(name) || name.isBlank() ? "" : " “" + shown + "”");
        return "Save " + what + " before " + doing + "?";
    }

    /**
     * "Save changes?" ({@link #unsavedQuestion}) before {@code doing}; {@code notKept}: a typed value lost either way,
     * or "".
     */
    static Unsaved unsavedChanges(Window owner, String question, String notKept) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question + (notKept.isEmpty() ? ""
                : "\n\nThe training dock holds a value the project cannot keep, which is lost either way: " + notKept),
                save, discard, ButtonType.CANCEL);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Unsaved changes");
        alert.initOwner(owner);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isEmpty() || answer.get() == ButtonType.CANCEL ? Unsaved.CANCEL
                : answer.get() == discard ? Unsaved.DISCARD : Unsaved.SAVE;
    }

    /**
     * Asks before a saved project gives way to {@code doing} while its training dock holds a typed value it cannot
     * keep; true: go on.
     */
    static boolean dropTyped(Window owner, String notKept, String doing) {
        ButtonType close = new ButtonType("Go On Without It", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "The training dock holds a value the project cannot keep: "
                + notKept + ". Go on " + doing + " without it, or cancel and fix it there?", close, ButtonType.CANCEL);
        alert.setTitle("A typed value is not kept");
        alert.setHeaderText("A typed value is not kept");
        alert.initOwner(owner);
        return alert.showAndWait().filter(b -> b == close).isPresent();
    }

    /**
     * Asked when Save would replace a project file that was changed outside this window since it was opened or saved
     * here (another program, a version-control update, another DeepWire window on the same file).
     */
    static Answer changedOnDisk(Window owner, Path file) {
        ButtonType replace = new ButtonType(REPLACE, ButtonBar.ButtonData.OTHER);
        ButtonType saveAs = new ButtonType(SAVE_AS, ButtonBar.ButtonData.YES);
        String name = dev.deepwire.limits.ShownName.line(file);
        Alert alert = new Alert(Alert.AlertType.WARNING, name + " was changed outside this window since it "
                + "was opened or saved here — by another program, or another DeepWire window on the same file.\n\n"
                + "Replace It writes this window's project over that version, and the changes made there are lost. "
                + "Save As… keeps both: this window's project goes to a new file.\n\n"
                + dev.deepwire.limits.VisibleText.oneLine(file.toString()), replace, saveAs,
                ButtonType.CANCEL);
        alert.setTitle("Changed on disk");
        alert.setHeaderText(name + " changed on disk");
        alert.initOwner(owner);
        alert.getDialogPane().setPrefWidth(560); // room for a folder's path: at its least width it broke every few words
        return alert.showAndWait().map(b -> b == replace ? Answer.REPLACE : b == saveAs ? Answer.SAVE_AS : Answer.CANCEL)
                .orElse(Answer.CANCEL);
    }
}
