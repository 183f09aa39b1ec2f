package dev.deepwire.ui.training;

import dev.deepwire.data.DataException;
import dev.deepwire.data.DataPaths;
import dev.deepwire.model.DatasetSpec;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The data-path rule in the workbench ({@link DataPaths}): data inside the project's folder is read; a file outside it
 * only once the user agreed, asked once per file in a session.
 */
final class DataConsent {
    private Predicate<String> confirm = message -> false;
    private final Set<Path> allowed = new HashSet<>();
    private Runnable onAgreed = () -> { };

    void setConfirmation(Predicate<String> confirm) {
        this.confirm = confirm;
    }

    /** Told when the user agrees to read a file outside the folder (what was checked without it is out of date). */
    void setOnAgreed(Runnable onAgreed) {
        this.onAgreed = onAgreed;
    }

    /**
     * The user chose this dataset's file in Dataset Settings (picked or typed it): reading it needs no further consent,
     * wherever it lies — asking "only if you trust this project" about a file just chosen had made no sense. A file
     * the project brought with it is still asked about.
     */
    void chosen(DatasetSpec dataset, Path projectFolder) {
        try {
            DataPaths.outside(dataset, projectFolder).ifPresent(o -> allowed.add(o.resolved()));
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
            var outside = DataPaths.outside(dataset, projectFolder);
            return outside.isEmpty() || allowed.contains(outside.get().resolved());
        } catch (DataException e) {
            return true;
        }
    }

    /** Why the dataset may not be read (the user said no, or its path is unusable); null when it may. */
    String refusal(DatasetSpec dataset, Path projectFolder) {
        try {
            var outside = DataPaths.outside(dataset, projectFolder);
            if (outside.isEmpty() || allowed.contains(outside.get().resolved())) {
                return null;
            }
            if (confirm.test(outside.get().message())) {
                allowed.add(outside.get().resolved());
                onAgreed.run();
                return null;
            }
            return outside.get().message();
        } catch (DataException e) {
            return e.getMessage();
        }
    }
}
