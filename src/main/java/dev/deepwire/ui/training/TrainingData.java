package dev.deepwire.ui.training;

import dev.deepwire.model.DatasetSpec;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the window's training reads its data from, and whether it may: the folder relative dataset paths start in
 * (the project's folder, or an opened sample's), the one consent for data outside it ({@link DataConsent}), and who
 * is asked for a dataset when the project has none. Train, Sweep, Evaluate and the editor's data check all ask here.
 */
public final class TrainingData {
    private final DataConsent consent = new DataConsent();
    private Supplier<Path> folder;
    private Runnable chooser = () -> { };

    TrainingData(Supplier<Path> folder) {
        this.folder = folder;
    }

    /** Where relative dataset paths start. */
    public Supplier<Path> folder() {
        return folder;
    }

    /** Where relative dataset paths start: the project's folder, or an opened sample's folder. */
    public void setFolder(Supplier<Path> folder) {
        this.folder = folder;
    }

    /** What Train does when the project has no dataset yet (the window opens the Dataset Settings dialog). */
    public void setChooser(Runnable choose) {
        this.chooser = choose;
    }

    /** Asks for a dataset (Train on a project without one). */
    void choose() {
        chooser.run();
    }

    /** The user chose {@code dataset}'s file in Dataset Settings: it is read without asking ({@link DataConsent#chosen}). */
    public void chosen(DatasetSpec dataset) {
        consent.chosen(dataset, folder.get());
    }

    /**
     * Whose agreements count ({@link DataConsent#setProject}): the project's file, null while unsaved, and whether
     * it has no folder of its own yet (an unsaved project that is not an opened sample).
     */
    public void setProject(Supplier<Path> file, java.util.function.BooleanSupplier unsaved) {
        consent.setProject(file, unsaved);
    }

    /** Where agreements for saved projects are remembered across sessions (a test gives its own file). */
    public void setRemembered(dev.deepwire.io.files.DataConsents remembered) {
        consent.setRemembered(remembered);
    }

    /**
     * Why the agreements remembered from earlier sessions could not be read ({@link
     * dev.deepwire.io.files.DataConsents#problem}), or null: the question about outside data says so.
     */
    public String rememberedProblem() {
        return consent.rememberedProblem();
    }

    /** The project was saved as {@code now}: what was agreed for it stays agreed ({@link DataConsent#saved}). */
    void saved(Path before, Path now, DatasetSpec dataset) {
        consent.saved(before, now, dataset, folder.get());
    }

    /** The data files agreed to while the project is unsaved (its autosave copy keeps them). */
    public java.util.List<Path> agreedWhileUnsaved() {
        return consent.agreedWhileUnsaved();
    }

    /** The outside data file the user agreed to read for this project, if any ({@link DataConsent#agreedOutside}). */
    public java.util.Optional<Path> agreedOutside(DatasetSpec dataset) {
        return consent.agreedOutside(dataset, folder.get());
    }

    /** Forgets that agreement: reading the file asks again ({@link DataConsent#forget}); false when there was none. */
    public boolean forgetAgreement(DatasetSpec dataset) {
        return consent.forget(dataset, folder.get());
    }

    /** Unsaved work restored from its autosave copy: what was agreed for it is agreed again. */
    public void restoredUnsaved(java.util.List<Path> data) {
        consent.restoredUnsaved(data);
    }

    /** Whether {@code dataset} may be read from {@code in} without asking: the editor's data check reads it then. */
    public boolean readableWithoutAsking(DatasetSpec dataset, Path in) {
        return consent.readableWithoutAsking(dataset, in);
    }

    /** Why {@code dataset} may not be read from {@code in} (asked once per file, as Train asks), or null. */
    public String refusal(DatasetSpec dataset, Path in) {
        return consent.refusal(dataset, in);
    }

    /**
     * Told when the user agrees, at Train (or Sweep, Evaluate), to read a file outside the folder: the editor's data
     * check, run without that file, is to run again with it.
     */
    public void setOnOutsideAgreed(Runnable agreed) {
        consent.setOnAgreed(agreed);
    }

    /**
     * Who is asked when a project's dataset file lies outside its folder (an absolute path, {@code ..}, a link): told
     * where it leads and why ({@link dev.deepwire.data.DataPaths.Outside}), it answers whether to read the file anyway. Without one, such data is refused with the reason.
     */
    public void setOutsideConfirmation(Predicate<dev.deepwire.data.DataPaths.Outside> confirm) {
        consent.setConfirmation(confirm);
    }
}
