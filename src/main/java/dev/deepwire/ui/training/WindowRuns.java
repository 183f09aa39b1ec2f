package dev.deepwire.ui.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where a window's project has runs: its own runs folder, the folder for unsaved projects, and the folders its runs
 * went to while its file changed; and the runs it started, which become the saved file's when a project that had
 * none is saved.
 */
final class WindowRuns {
    private final Set<Path> folders = new LinkedHashSet<>();
    private final List<Path> started = new ArrayList<>();

    /** A run began in {@code dir}. */
    void started(Path dir) {
        folders.add(dir.getParent());
        started.add(dir);
    }

    /** Another folder whose runs are listed when they belong to the project. */
    void alsoListIn(Path folder) {
        folders.add(folder);
    }

    /** The project's runs, newest first: those in {@code ownFolder} and in the others, by its name and file. */
    List<RunHistory.Run> of(Path ownFolder, String project, Path file) {
        List<Path> all = new ArrayList<>();
        all.add(ownFolder);
        all.addAll(folders);
        return RunHistory.ofProject(all, project, file);
    }

    /** The project was first saved as {@code file}: the runs it started without one are recorded as that file's. */
    void firstSaved(Path file, Consumer<String> problem) {
        for (Path dir : started) {
            try {
                RunHistory.adopt(dir, file);
            } catch (IOException e) {
                problem.accept("Could not record " + dir.getFileName() + " as a run of " + file.getFileName() + ": "
                        + e.getMessage());
            }
        }
    }
}
