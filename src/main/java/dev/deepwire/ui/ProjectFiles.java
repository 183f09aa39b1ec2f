package dev.deepwire.ui;

import dev.deepwire.io.ProjectFormatException;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.io.UnknownKeys;
import dev.deepwire.io.files.Autosave;
import dev.deepwire.io.files.DiskVersion;
import dev.deepwire.io.files.RecentFiles;
import dev.deepwire.model.Project;
import dev.deepwire.ui.editor.EditorViewModel;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
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
    private BooleanSupplier training = () -> false;
    private Runnable opened = () -> { };
    private java.util.function.Supplier<List<Path>> agreedWhileUnsaved = List::of;
    private java.util.function.Consumer<List<Path>> restoreAgreed = agreed -> { };
    /** Save and Save As, and the version of the file this window last read or wrote. */
    private final ProjectSaves saves;

    ProjectFiles(EditorViewModel vm, Window owner, Path initial, RecentFiles recent, Autosave autosave) {
        this.vm = vm;
        this.owner = owner;
        this.recent = recent;
        this.autosave = new BackgroundAutosave(autosave);
        file.set(initial);
        this.saves = new ProjectSaves(vm, owner, file, templateFolder, recent, this.autosave);
        saves.setKnown(initial == null ? null : DiskVersion.of(initial));
    }

    /**
     * Keeps what is typed but not yet committed (a settings field still being edited) before saving or closing; it
     * answers what was typed that the project cannot keep (a settings field holding text that is not its number), or "".
     */
    void setCommitEdits(java.util.function.Supplier<String> commit) {
        saves.setCommitEdits(commit);
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
        saves.setAskSave(ask);
    }

    /** Asks where to save; the answer carries the extension {@code ext} exactly once, whatever was typed. */
    Path askSave(FileChooser chooser, String ext) {
        return saves.askSave(chooser, ext);
    }

    /**
     * Told each save's file before (null for a project with none: new, or a sample's template) and now; answers what
     * the status bar adds (where the earlier file's runs stay, or "").
     */
    void setOnSave(java.util.function.BiFunction<Path, Path, String> action) {
        saves.setOnSave(action);
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
                    file.get() == null ? null : saves.known(), reason -> vm.messageProperty().set("Autosave failed: " + reason));
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
        saves.setKnown(r.original() == null ? null : r.basedOn() != null ? r.basedOn() : DiskVersion.of(r.original()));
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
            saves.setKnown(read);
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


    /**
     * Asks "save changes?" when there is unsaved work, before {@code doing} ("opening another project", "quitting
     * DeepWire": {@link SaveQuestions#unsavedQuestion} words it); returns whether it is fine to go on.
     */
    boolean confirmDiscard(String doing) {
        String notKept = saves.commitEdits();
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

    /** Saves to the current file, or asks for one. Returns whether the project was saved. */
    boolean save() {
        return saves.save();
    }

    boolean saveAs() {
        return saves.saveAs();
    }

    /** Saves to another file, which names the project from now on ({@link ProjectSaves#saveAs(Path)}). */
    boolean saveAs(Path path) {
        return saves.saveAs(path);
    }

    /** A save dialog titled {@code title}, opening in the project's folder. */
    FileChooser chooser(String title) {
        return saves.chooser(title);
    }

    void error(String header, String text) {
        saves.error(header, text);
    }
}
