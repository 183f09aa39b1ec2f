package dev.deepwire.ui.controls;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.FileChooser;

/**
 * Where a file dialog opens: in the project's folder once the project is saved. The attention inspector's and the
 * training dock's exports had opened in the folder DeepWire was started from, so a heatmap exported for a lesson's
 * slides landed far from the lesson (the File menu's dialogs already opened beside the project).
 */
public final class FileDialogs {
    private FileDialogs() {
    }

    /** A dialog titled {@code title} offering {@code name}, opening in the folder of {@code projectFile} (if saved). */
    public static FileChooser saving(String title, String name, Path projectFile) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        return inProjectFolder(chooser, projectFile);
    }

    /** Opens {@code chooser} in the folder of {@code projectFile}: none when the project is not saved or its folder is gone. */
    public static FileChooser inProjectFolder(FileChooser chooser, Path projectFile) {
        Path folder = projectFile == null ? null : projectFile.toAbsolutePath().getParent();
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser;
    }
}
