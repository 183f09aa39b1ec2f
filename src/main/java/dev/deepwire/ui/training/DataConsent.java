package dev.deepwire.ui.training;

import dev.deepwire.data.DataException;
import dev.deepwire.data.DataPaths;
import dev.deepwire.io.files.DataConsents;
import dev.deepwire.model.DatasetSpec;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The data-path rule in the workbench ({@link DataPaths}): data inside the project's folder is read; a file outside it
 * only once the user agreed (or chose that file), per project and data file. For a saved project the agreement is
 * remembered across sessions in the user's own settings ({@link DataConsents}, decision 0016), never in the project
 * file; an unsaved project's lasts while its work does (the autosave copy keeps it for a restore).
 */
final class DataConsent {
    /** An agreement: {@code project} is the project file, null while the project is not saved. */
    private record Agreed(Path project, Path data) {
    }

    private Predicate<dev.deepwire.data.DataPaths.Outside> confirm = outside -> false;
    private final Set<Agreed> allowed = new HashSet<>();
    private Runnable onAgreed = () -> { };
    private Supplier<Path> projectFile = () -> null;
    private BooleanSupplier unsaved = () -> false;
    private DataConsents remembered = DataConsents.forUser();

    void setConfirmation(Predicate<dev.deepwire.data.DataPaths.Outside> confirm) {
        this.confirm = confirm;
    }

    /**
     * Told when the user agrees to read a file outside the folder, or forgets that agreement (what was checked without
     * it, or with it, is out of date).
     */
    void setOnAgreed(Runnable onAgreed) {
        this.onAgreed = onAgreed;
    }

    /**
     * Whose agreements count: the project's file (null while unsaved), and whether the project has no folder of its
     * own yet (its relative paths start in DeepWire's folder: the question says so instead of calling it the project's).
     */
    void setProject(Supplier<Path> file, BooleanSupplier unsaved) {
        this.projectFile = file;
        this.unsaved = unsaved;
    }

    /** Where agreements to saved projects' data are remembered (the user's settings; a test's own file). */
    void setRemembered(DataConsents remembered) {
        this.remembered = remembered;
    }

    /** Why the remembered agreements could not be read last time, or null ({@link DataConsents#problem}). */
    String rememberedProblem() {
        return remembered.problem();
    }

    /**
     * The user chose this dataset's file in Dataset Settings (picked or typed it): reading it needs no further consent,
     * wherever it lies — asking "only if you trust this project" about a file just chosen had made no sense. A file
     * the project brought with it is still asked about.
     */
    void chosen(DatasetSpec dataset, Path projectFolder) {
        try {
            outside(dataset, projectFolder).ifPresent(o -> agree(o.resolved()));
        } catch (DataException e) {
            // an unusable path: reading it says so
        }
    }

    /**
     * Whether the dataset may be read without asking: inside the project's folder, chosen by the user, or agreed to
     * (an unusable path too: reading it only says what is wrong with it).
     */
    boolean readableWithoutAsking(DatasetSpec dataset, Path projectFolder) {
        try {
            var outside = outside(dataset, projectFolder);
            return outside.isEmpty() || agreed(outside.get().resolved());
        } catch (DataException e) {
            return true;
        }
    }

    /** Why the dataset may not be read (the user said no, or its path is unusable); null when it may. */
    String refusal(DatasetSpec dataset, Path projectFolder) {
        try {
            var outside = outside(dataset, projectFolder);
            if (outside.isEmpty() || agreed(outside.get().resolved())) {
                return null;
            }
            if (confirm.test(outside.get())) {
                agree(outside.get().resolved());
                onAgreed.run();
                return null;
            }
            return outside.get().message();
        } catch (DataException e) {
            return e.getMessage();
        }
    }

    /**
     * The project was saved as {@code now} (from {@code before}, null when it had no file): what the user agreed to
     * read for it, in this session or an earlier one, stays agreed under its new file. Opening another file is not a
     * save and carries nothing.
     */
    void saved(Path before, Path now, DatasetSpec dataset, Path projectFolder) {
        if (now == null || Objects.equals(key(before), key(now))) {
            return;
        }
        try {
            // Save As keeps the data where it was (ProjectFiles anchors the path), so it resolves to the same file
            outside(dataset, projectFolder).map(DataPaths.Outside::resolved)
                    .filter(d -> remembered.agreed(before, d))
                    .ifPresent(d -> allowed.add(new Agreed(key(before), d)));
        } catch (DataException e) {
            // unusable: nothing to carry
        }
        for (Agreed a : List.copyOf(allowed)) {
            if (Objects.equals(a.project(), key(before))) {
                allowed.add(new Agreed(key(now), a.data()));
                remembered.remember(now, a.data());
            }
        }
    }

    /**
     * The data file outside the project's folder that the user agreed to read for this project (in this session or
     * remembered from an earlier one), if the dataset names one: what Dataset Settings offers to forget.
     */
    Optional<Path> agreedOutside(DatasetSpec dataset, Path projectFolder) {
        try {
            return outside(dataset, projectFolder).map(DataPaths.Outside::resolved).filter(this::agreed);
        } catch (DataException e) {
            return Optional.empty();
        }
    }

    /**
     * Forgets the agreement to read the dataset's outside file for this project — this session's and the remembered
     * one ({@link DataConsents#forget}): the next read asks again. The user's setting, not a project edit: no Undo.
     * Returns whether there was one.
     */
    boolean forget(DatasetSpec dataset, Path projectFolder) {
        Optional<Path> data = agreedOutside(dataset, projectFolder);
        if (data.isEmpty()) {
            return false;
        }
        Path file = projectFile.get();
        allowed.remove(new Agreed(key(file), data.get()));
        remembered.forget(file, data.get());
        onAgreed.run(); // what was checked with the agreement is out of date too
        return true;
    }

    /** The data files agreed to for the project while it is not saved (its autosave copy keeps them). */
    List<Path> agreedWhileUnsaved() {
        return allowed.stream().filter(a -> a.project() == null).map(Agreed::data).sorted().toList();
    }

    /** Work restored from its autosave copy (in the user's own folder) brings what was agreed for it while unsaved. */
    void restoredUnsaved(List<Path> data) {
        data.forEach(d -> allowed.add(new Agreed(null, d.toAbsolutePath().normalize())));
    }

    private Optional<DataPaths.Outside> outside(DatasetSpec dataset, Path projectFolder) throws DataException {
        return DataPaths.outside(dataset, projectFolder, projectFile.get() == null && unsaved.getAsBoolean());
    }

    private static Path key(Path file) {
        return file == null ? null : file.toAbsolutePath().normalize();
    }

    private boolean agreed(Path data) {
        Path file = projectFile.get();
        return allowed.contains(new Agreed(key(file), data)) || remembered.agreed(file, data);
    }

    private void agree(Path data) {
        Path file = projectFile.get();
        allowed.add(new Agreed(key(file), data));
        remembered.remember(file, data);
    }
}
