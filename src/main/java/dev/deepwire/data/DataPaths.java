package dev.deepwire.data;

import dev.deepwire.model.DatasetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a project may read its data: a dataset's {@code file} lies inside the project's folder, after normalising
 * ({@code ..}) and following symbolic links — named relative to it, or absolutely. A path that leads outside the
 * folder is read only when the user allowed it (a flag on the command line, a confirmation in the workbench).
 */
public final class DataPaths {
    /** Where the digits-caption reader looks when the project names no file. */
    public static final String DIGITS_DEFAULT = "data/digits.csv.gz";

    private DataPaths() {
    }

    /**
     * A data file outside the project's folder: the setting as written, where it leads, the folder, a sentence saying so,
     * and whether the project is unsaved (the folder is then only where its relative paths start).
     */
    public record Outside(String name, Path resolved, Path folder, String message, boolean unsaved) {
    }

    /** The dataset's file when it lies outside {@code projectDir}; empty when it is inside (or names no file). */
    public static Optional<Outside> outside(DatasetSpec spec, Path projectDir) throws DataException {
        return outside(spec, projectDir, false);
    }

    /**
     * As {@link #outside(DatasetSpec, Path)}; {@code unsaved}: the project has no file yet, so {@code projectDir} is
     * only where its relative paths start (DeepWire's own folder), and the message says so rather than calling that
     * folder the project's.
     */
    public static Optional<Outside> outside(DatasetSpec spec, Path projectDir, boolean unsaved) throws DataException {
        if (spec == null) {
            return Optional.empty();
        }
        Object file = spec.params().get("file");
        if (file == null && "digits-caption".equals(spec.kind())) {
            file = DIGITS_DEFAULT;
        }
        if (!(file instanceof String name) || name.isBlank()) {
            return Optional.empty(); // the reader says what is missing
        }
        Path folder = projectDir.toAbsolutePath().normalize();
        Path opened; // as the readers open it: the system follows a link before the ".." after it
        Path resolved;
        try {
            if (name.indexOf('\0') >= 0) {
                throw new InvalidPathException(name, "a NUL character");
            }
            opened = folder.resolve(name);
            resolved = opened.normalize();
        } catch (InvalidPathException e) {
            throw new DataException("dataset.file is not a usable path (" + e.getReason() + "); name a file "
                    + "relative to the project's folder");
        }
        String rule = unsaved ? "; this project is not saved yet, so it has no folder of its own (its relative paths "
                + "start in " + folder + "): save it in the data's folder, or one above it, and the data is read without "
                + "asking" : "; data is read from inside that folder unless you allow otherwise";
        if (Path.of(name).isAbsolute() && !resolved.startsWith(folder)) {
            return Optional.of(new Outside(name, resolved, folder, "dataset.file '" + name + "' is an absolute path "
                    + (unsaved ? "outside any project folder" : "outside the project's folder " + folder) + rule, unsaved));
        }
        if (!resolved.startsWith(folder)) {
            return Optional.of(new Outside(name, resolved, folder, "dataset.file '" + name + "' leaves "
                    + (unsaved ? "the folder it starts in" : "the project's folder " + folder) + " (it leads to "
                    + resolved + ")" + rule, unsaved));
        }
        // where the file really is, found as the readers will find it ("sub/../x.tsv" with sub a link elsewhere is not
        // the folder's x.tsv, though it reads so once normalised as text)
        if (Files.exists(opened)) {
            try {
                Path real = opened.toRealPath();
                Path realFolder = folder.toRealPath();
                if (!real.startsWith(realFolder)) {
                    return Optional.of(new Outside(name, real, folder, "dataset.file '" + name + "' is a link to "
                            + real + (unsaved ? ", outside the folder it starts in" : ", outside the project's folder "
                            + folder) + rule, unsaved));
                }
            } catch (IOException e) {
                return Optional.empty(); // the reader reports the file it cannot read
            }
        }
        return Optional.empty();
    }
}
