package dev.deepwire.ui;

import dev.deepwire.data.DataPaths;
import dev.deepwire.io.ProjectFolders;
import dev.deepwire.io.ProjectFormatException;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.io.ProjectWriter;
import dev.deepwire.io.UnknownKeys;
import dev.deepwire.io.files.Autosave;
import dev.deepwire.io.files.DiskVersion;
import dev.deepwire.io.files.FileNames;
import dev.deepwire.io.files.RecentFiles;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.Project;
import dev.deepwire.ui.editor.EditorViewModel;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * File menu actions: new, open, save, save as, and asking before unsaved work is dropped. Errors are
 * shown in a dialog naming the file and the problem; nothing is overwritten without asking.
 */
final class ProjectFiles {
    private final EditorViewModel vm;
    private final Window owner;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> templateFolder = new SimpleObjectProperty<>();
    private final RecentFiles recent;
    private final BackgroundAutosave autosave;
    private java.util.function.Supplier<String> commitEdits = () -> "";
    private BooleanSupplier training = () -> false;
    private java.util.function.BiFunction<Path, Path, String> saved = (before, now) -> "";
    private Runnable opened = () -> { };
    private BiFunction<FileChooser, Window, File> askSave = dev.deepwire.ui.controls.FocusReturn::save;
    private java.util.function.Supplier<List<Path>> agreedWhileUnsaved = List::of;
    private java.util.function.Consumer<List<Path>> restoreAgreed = agreed -> { };
    /** The project file as this window last read or wrote it: a change made since by someone else is not overwritten unasked. */
    private DiskVersion known;

    ProjectFiles(EditorViewModel vm, Window owner, Path initial, RecentFiles recent, Autosave autosave) {
        this.vm = vm;
        this.owner = owner;
        this.recent = recent;
        this.autosave = new BackgroundAutosave(autosave);
        file.set(initial);
        known = initial == null ? null : DiskVersion.of(initial);
    }

    /**
     * Keeps what is typed but not yet committed (a settings field still being edited) before saving or closing; it
     * answers what was typed that the project cannot keep (a settings field holding text that is not its number), or "".
     */
    void setCommitEdits(java.util.function.Supplier<String> commit) {
        this.commitEdits = commit;
    }

    /**
     * What the user agreed to read outside the folder while the project is unsaved: kept in the autosave copy, and
     * given back when that copy is restored (a restore had asked again about data the user had chosen).
     */
    void setAgreedData(java.util.function.Supplier<List<Path>> whileUnsaved, java.util.function.Consumer<List<Path>> restore) {
        this.agreedWhileUnsaved = whileUnsaved;
        this.restoreAgreed = restore;
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

    /**
     * Told each save's file before (null for a project with none: new, or a sample's template) and now; answers what
     * the status bar adds (where the earlier file's runs stay, or "").
     */
    void setOnSave(java.util.function.BiFunction<Path, Path, String> action) {
        saved = action;
    }

    /** Told once a project from a file is in the window with its file named: opened, or its unsaved work restored. */
    void setOnOpened(Runnable action) {
        opened = action;
    }

    /** Whether a run is going: the project in the window is not replaced then (the run and its dock belong to it). */
    void setTraining(BooleanSupplier running) {
        this.training = running;
    }

    private boolean refuseWhileTraining() {
        if (training.getAsBoolean()) {
            vm.messageProperty().set("Stop the training run first: the dock and its run belong to "
                    + dev.deepwire.limits.ShownName.line(vm.project().name()));
            return true;
        }
        return false;
    }

    RecentFiles recent() {
        return recent;
    }

    /** Writes the autosave copy if there is unsaved work (called every few seconds), in the background. */
    void autosaveNow() {
        if (vm.history().isDirty()) {
            autosave.write(vm.project(), file.get(), file.get() == null ? List.copyOf(agreedWhileUnsaved.get()) : List.of(),
                    file.get() == null ? null : known, reason -> vm.messageProperty().set("Autosave failed: " + reason));
        }
    }

    /** Waits for the autosave copy asked for last to be written (tests). */
    void awaitAutosave() {
        autosave.settle();
    }

    /** The window is closing with nothing left unsaved: the autosave copy is no longer needed. */
    void closedCleanly() {
        autosave.clear();
    }

    /** Opens work recovered from an autosave copy: unsaved, belonging to its original file. */
    void restore(Autosave.Recovered r) {
        vm.setProject(r.project());
        vm.history().markUnsaved();
        file.set(r.original());
        // the version its work began from: a file changed since the crash is not saved over unasked
        known = r.original() == null ? null : r.basedOn() != null ? r.basedOn() : DiskVersion.of(r.original());
        if (r.original() != null) {
            opened.run();
        }
        if (r.original() == null) {
            restoreAgreed.accept(r.agreedData());
        }
        vm.messageProperty().set("Restored unsaved work of " + dev.deepwire.limits.ShownName.line(r.project().name()) + "; save it to keep it");
        try {
            Files.deleteIfExists(r.copy());
        } catch (IOException e) {
            // It will be offered again next time; harmless.
        }
        autosaveNow();
    }

    /** Puts {@code message} in this window's status bar. */
    void say(String message) {
        vm.messageProperty().set(message);
    }

    ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** Where an opened sample (a template, not yet saved) keeps its data; {@code null} otherwise. */
    ObjectProperty<Path> templateFolderProperty() {
        return templateFolder;
    }

    /** Opens a sample as a template: unsaved, its data read from {@code folder}; Save asks where. */
    void openTemplate(Project p, Path folder) {
        if (refuseWhileTraining() || !confirmDiscard("opening the sample “" + dev.deepwire.limits.ShownName.line(p.name()) + "”")) {
            return;
        }
        vm.setProject(p);
        file.set(null);
        templateFolder.set(folder);
        autosave.clear();
        sampleOpened();
    }

    /**
     * Says which sample is in the window and that Save asks where to keep it: after a sample is opened, and for the
     * default sample the window starts with (whose status bar was empty).
     */
    void sampleOpened() {
        vm.messageProperty().set("Opened the sample " + dev.deepwire.limits.ShownName.line(vm.project().name()) + " — Save asks where to keep your copy");
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

    void newProject() {
        if (!refuseWhileTraining() && confirmDiscard("starting a new project")) {
            vm.setProject(Project.untitled());
            file.set(null);
            templateFolder.set(null);
            autosave.clear();
            vm.messageProperty().set("New project: add blocks from the palette, or press Space on the canvas");
        }
    }

    void open() {
        if (refuseWhileTraining() || !confirmDiscard("opening another project")) {
            return;
        }
        FileChooser chooser = chooser("Open project");
        File f = dev.deepwire.ui.controls.FocusReturn.open(chooser, owner);
        if (f != null) {
            open(f.toPath());
        }
    }

    /**
     * Opens {@code path} as File ▸ Open does once a file is chosen: refused while training, and unsaved work is offered
     * to be saved first (Open Recent, a project file dropped on the window).
     */
    void openAsking(Path path) {
        if (!refuseWhileTraining() && confirmDiscard("opening " + dev.deepwire.limits.ShownName.line(path))) {
            open(path);
        }
    }

    void open(Path path) {
        if (refuseWhileTraining() || OpenWindows.toFrontIfOpenElsewhere(path, owner)) {
            return;
        }
        try {
            DiskVersion read = DiskVersion.of(path);
            Project p = new ProjectReader().read(path);
            vm.setProject(p);
            file.set(path);
            known = read;
            templateFolder.set(null);
            recent.add(path);
            autosave.clear();
            opened.run();
            List<String> unread = UnknownKeys.of(p); // a misspelt section would otherwise train on defaults unseen
            vm.messageProperty().set("Opened " + dev.deepwire.limits.ShownName.line(path) + (unread.isEmpty() ? "" : " · " + unread.get(0)
                    + (unread.size() > 1 ? " (and " + (unread.size() - 1) + " more not read)" : "")));
        } catch (ProjectFormatException e) {
            error("Cannot open " + dev.deepwire.limits.ShownName.line(path), e.getMessage());
        }
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

    /**
     * Asks "save changes?" when there is unsaved work, before {@code doing} ("opening another project", "quitting
     * DeepWire": {@link SaveQuestions#unsavedQuestion} words it); returns whether it is fine to go on.
     */
    boolean confirmDiscard(String doing) {
        String notKept = commitEdits.get();
        if (!vm.history().isDirty()) {
            return notKept.isEmpty() || SaveQuestions.dropTyped(owner, notKept, doing);
        }
        SaveQuestions.Unsaved answer = SaveQuestions.unsavedChanges(owner, SaveQuestions.unsavedQuestion(
                vm.project().name(), file.get(), templateFolder.get() != null, doing), notKept);
        if (answer == SaveQuestions.Unsaved.CANCEL) {
            return false;
        }
        if (answer == SaveQuestions.Unsaved.DISCARD) {
            autosave.clear(); // discarded on purpose: nothing to recover next time
            return true;
        }
        return save();
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
