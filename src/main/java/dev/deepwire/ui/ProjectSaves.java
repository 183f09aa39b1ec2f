package dev.deepwire.ui;

import dev.deepwire.data.DataPaths;
import dev.deepwire.io.ProjectWriter;
import dev.deepwire.io.files.DiskVersion;
import dev.deepwire.io.files.FileNames;
import dev.deepwire.io.files.RecentFiles;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.ui.editor.EditorViewModel;
import java.io.File;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Save and Save As of the project in a window ({@link ProjectFiles} opens, starts and asks before dropping work): the
 * version of the file this window last read or wrote, so a change made since by another window or program is asked
 * about rather than overwritten — the look and the write one locked step — and the data path kept leading to the same
 * data when the project moves to another folder. Failures are said in the status bar and a dialog; the work stays open.
 */
final class ProjectSaves {
    private final EditorViewModel vm;
    private final Window owner;
    private final ObjectProperty<Path> file;
    private final ObjectProperty<Path> templateFolder;
    private final RecentFiles recent;
    private final BackgroundAutosave autosave;
    private java.util.function.Supplier<String> commitEdits = () -> "";
    private BiFunction<Path, Path, String> saved = (before, now) -> "";
    private BiFunction<FileChooser, Window, File> askSave = dev.deepwire.ui.controls.FocusReturn::save;
    /** The project file as this window last read or wrote it: a change made since by someone else is not overwritten unasked. */
    private DiskVersion known;

    ProjectSaves(EditorViewModel vm, Window owner, ObjectProperty<Path> file, ObjectProperty<Path> templateFolder,
                 RecentFiles recent, BackgroundAutosave autosave) {
        this.vm = vm;
        this.owner = owner;
        this.file = file;
        this.templateFolder = templateFolder;
        this.recent = recent;
        this.autosave = autosave;
    }

    /** The version of the project file this window last read or wrote (null: none, or not known). */
    DiskVersion known() {
        return known;
    }

    /** The version of the project file this window has just read (opened, or restored work began from). */
    void setKnown(DiskVersion version) {
        this.known = version;
    }

    /** See {@link ProjectFiles#setCommitEdits}. */
    void setCommitEdits(java.util.function.Supplier<String> commit) {
        this.commitEdits = commit;
    }

    /** Keeps what is typed but not yet committed; answers what the project cannot keep, or "". */
    String commitEdits() {
        return commitEdits.get();
    }

    /** Who answers "save where?" (the native dialog; a test answers as a user typing a name would). */
    void setAskSave(BiFunction<FileChooser, Window, File> ask) {
        this.askSave = ask;
    }

    /** Asks where to save; the answer carries the extension {@code ext} exactly once, whatever was typed. */
    Path askSave(FileChooser chooser, String ext) {
        File f = askSave.apply(chooser, owner);
        return f == null ? null : FileNames.withExtension(f.toPath(), ext);
    }

    /** See {@link ProjectFiles#setOnSave}. */
    void setOnSave(BiFunction<Path, Path, String> action) {
        saved = action;
    }

    /**
     * A relative data file names a place beside the project file (or an opened sample's folder). Saved into another
     * folder, it is rewritten so that it still leads to the same data: relative to the new folder when the data lies
     * inside it, absolute otherwise. An absolute path (a file picked in Dataset Settings) that lies inside the folder
     * saved into becomes relative, so the project and its data move together.
     */
    private void anchorData(Path target) {
        Path saved = file.get();
        Path folder = saved != null && saved.toAbsolutePath().getParent() != null ? saved.toAbsolutePath().getParent()
                : templateFolder.get();
        Path to = target.toAbsolutePath().getParent();
        var spec = vm.project().dataset();
        if (folder == null || to == null || spec == null) {
            return;
        }
        Object named = spec.params().get("file");
        if (named == null && "digits-caption".equals(spec.kind())) {
            named = DataPaths.DIGITS_DEFAULT; // the reader's default, also relative
        }
        if (!(named instanceof String f) || f.isBlank()) {
            return;
        }
        Path data;
        try {
            data = Path.of(f);
        } catch (InvalidPathException e) {
            return; // Train names the unusable path
        }
        folder = folder.toAbsolutePath().normalize();
        to = to.normalize();
        if (data.isAbsolute() ? !data.normalize().startsWith(to) : folder.equals(to)) {
            return; // elsewhere, named absolutely: it stays so; relative, in the same folder: unchanged
        }
        Path resolved = folder.resolve(data).normalize(); // (an absolute path inside the new folder becomes relative)
        String anchored = resolved.startsWith(to) ? to.relativize(resolved).toString().replace('\\', '/')
                : resolved.toString();
        Map<String, Object> params = new LinkedHashMap<>(spec.params());
        params.put("file", anchored);
        vm.project().setDataset(new DatasetSpec(spec.kind(), params));
    }

    /** Saves to the current file, or asks for one. Returns whether the project was saved. */
    boolean save() {
        if (file.get() == null) {
            return saveAs();
        }
        DiskVersion expected = known;
        if (DiskVersion.changedSince(known, file.get())) {
            switch (SaveQuestions.changedOnDisk(owner, file.get())) {
                case SAVE_AS:
                    return saveAs();
                case CANCEL:
                    vm.messageProperty().set("Not saved: " + dev.deepwire.limits.ShownName.line(file.get()) + " was changed outside this window; "
                            + "Save As keeps both versions");
                    return false;
                default:
                    expected = DiskVersion.of(file.get()); // the version the user chose to replace, and no later one
                    break;
            }
        }
        try {
            return write(file.get(), expected);
        } catch (dev.deepwire.io.files.ChangedOnDisk e) {
            // another window or process saved it between the look above and this save: asked again, nothing lost
            return save();
        }
    }

    boolean saveAs() {
        FileChooser chooser = chooser("Save project as");
        chooser.setInitialFileName(dev.deepwire.training.RunFolders.safeName(vm.project().name()) + ".dwproj");
        Path path = askSave(chooser, "dwproj");
        return path != null && saveAs(path);
    }

    /**
     * Saves to another file, which names the project from now on ("mine.dwproj": the project mine in prompts, run
     * folders and the dock).
     */
    boolean saveAs(Path path) {
        path = FileNames.withExtension(path, "dwproj");
        String stem = FileNames.stem(path, "dwproj");
        String was = vm.project().name();
        if (!stem.isBlank()) {
            vm.project().setName(stem);
        }
        try {
            if (write(path, DiskVersion.of(path))) { // the file the chooser agreed to replace, and no later version
                return true;
            }
        } catch (dev.deepwire.io.files.ChangedOnDisk e) {
            String why = dev.deepwire.limits.VisibleText.oneLine(e.getMessage());
            vm.messageProperty().set("Not saved: " + dev.deepwire.limits.ShownName.line(path) + " — " + why);
            error("Cannot save " + dev.deepwire.limits.ShownName.line(path), why
                    + "\nYour work is still open; save again to choose whether to replace it, or Save As another file.");
        }
        vm.project().setName(was);
        return false;
    }

    /**
     * Writes the project to {@code path} if it still holds {@code expected}; any other failure is said and answered
     * false.
     *
     * @throws dev.deepwire.io.files.ChangedOnDisk when another window or process saved it since (nothing written)
     */
    private boolean write(Path path, DiskVersion expected) throws dev.deepwire.io.files.ChangedOnDisk {
        String notKept = commitEdits.get();
        var dataset = vm.project().dataset();
        try {
            anchorData(path);
            known = DiskVersion.ofContent(new ProjectWriter().write(vm.project(), path, expected));
            vm.history().markSaved();
            Path before = file.get();
            file.set(path);
            String runsLeft = saved.apply(before, path); // Save As: where the earlier file's runs stay
            runsLeft = runsLeft == null || runsLeft.isEmpty() ? "" : ". " + runsLeft;
            templateFolder.set(null);
            recent.add(path);
            autosave.clear();
            vm.messageProperty().set("Saved " + path + (notKept.isEmpty() ? ""
                    : "; not the training dock's typed value: " + notKept + " (the project keeps its last valid value)")
                    + runsLeft);
            return true;
        } catch (dev.deepwire.io.files.ChangedOnDisk e) {
            vm.project().setDataset(dataset);
            throw e;
        } catch (IOException e) {
            vm.project().setDataset(dataset); // not saved there: the data is still found from where it was
            // not an earlier save's "Saved …" left under a save that failed
            String why = dev.deepwire.limits.VisibleText.oneLine(e.getMessage()); // it quotes the path, whatever its name
            vm.messageProperty().set("Not saved: " + dev.deepwire.limits.ShownName.line(path) + " — " + why);
            error("Cannot save " + dev.deepwire.limits.ShownName.line(path), why
                    + "\nYour work is still open; try Save As with another folder.");
            return false;
        }
    }

    /** A save dialog titled {@code title}, opening in the project's folder. */
    FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("DeepWire projects", "*.dwproj"));
        return dev.deepwire.ui.controls.FileDialogs.inProjectFolder(chooser, file.get());
    }

    void error(String header, String text) {
        Alert alert = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        alert.setTitle(header);
        alert.setHeaderText(header);
        alert.initOwner(owner);
        alert.showAndWait();
    }
}
