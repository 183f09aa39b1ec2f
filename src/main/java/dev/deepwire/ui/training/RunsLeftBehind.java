package dev.deepwire.ui.training;

import dev.deepwire.io.files.FileNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a project's earlier file kept its runs after Save As: the runs stay with the file they were made for and the
 * copy starts with none. The status bar says it at the save and Runs… says it while the copy's list is empty — it had
 * said "No runs kept yet" alone, as if they were gone.
 */
public final class RunsLeftBehind {
    private RunsLeftBehind() {
    }

    /**
     * "3 runs stay with marker.dwproj (in /p/runs): open that file to see them in Runs…", or "" where it had none. The
     * runs are looked for beside the file and in {@code alsoIn} (where the window's runs went before the file had a
     * name: a sample trained, then saved).
     */
    public static String sentence(Path before, Collection<Path> alsoIn) {
        if (before == null || before.toAbsolutePath().getParent() == null) {
            return "";
        }
        List<Path> folders = new ArrayList<>();
        folders.add(dev.deepwire.io.ProjectFolders.runs(before));
        folders.addAll(alsoIn);
        List<RunHistory.Run> runs;
        try {
            runs = RunHistory.ofProject(folders, FileNames.stem(before, "dwproj"), before);
        } catch (RuntimeException e) {
            return "";
        }
        int n = runs.size();
        Set<Path> where = new LinkedHashSet<>();
        runs.forEach(r -> where.add(r.dir().toAbsolutePath().getParent()));
        return n == 0 ? "" : (n == 1 ? "Its run stays" : "Its " + n + " runs stay") + " with " + dev.deepwire.limits.ShownName.line(before)
                + " (in " + String.join(" and ", where.stream().map(Path::toString).toList()) + "): open that file to see "
                + (n == 1 ? "it" : "them") + " in Runs…";
    }
}
