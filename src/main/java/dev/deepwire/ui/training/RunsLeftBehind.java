package dev.deepwire.ui.training;

import dev.deepwire.io.files.FileNames;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a project's earlier file kept its runs after Save As: the runs stay with the file they were made for (beside it,
 * in its runs/ folder) and the copy starts with none. The status bar says it at the save and Runs… says it while the
 * copy's list is empty — it had said "No runs kept yet" alone, as if they were gone.
 */
public final class RunsLeftBehind {
    private RunsLeftBehind() {
    }

    /** "3 runs stay with marker.dwproj (in /p/runs): open that file to see them in Runs…", or "" where it had none. */
    public static String sentence(Path before) {
        if (before == null || before.toAbsolutePath().getParent() == null) {
            return "";
        }
        Path runs = before.toAbsolutePath().getParent().resolve("runs");
        int n;
        try {
            n = RunHistory.ofProject(List.of(runs), FileNames.stem(before, "dwproj"), before).size();
        } catch (RuntimeException e) {
            return "";
        }
        return n == 0 ? "" : (n == 1 ? "Its run stays" : "Its " + n + " runs stay") + " with " + before.getFileName()
                + " (in " + runs + "): open that file to see " + (n == 1 ? "it" : "them") + " in Runs…";
    }
}
