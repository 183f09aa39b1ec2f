package dev.deepwire.io.files;

import dev.deepwire.io.AtomicFiles;
import dev.deepwire.io.ProjectFormatException;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.io.ProjectWriter;
import dev.deepwire.model.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps a copy of unsaved work in {@code ~/.deepwire/autosave} so a crash loses at most a few seconds.
 * The copy is removed when the project is saved or closed cleanly; copies found at start-up are
 * offered for recovery.
 */
public final class Autosave {
    public static final String ORIGINAL = "autosaveOf";
    private final Path dir;
    private final String key;

    /** @param key distinguishes this window's copy from other running windows' */
    public Autosave(Path dir, String key) {
        this.dir = dir;
        this.key = key;
    }

    public static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".deepwire", "autosave");
    }

    public Path file() {
        return dir.resolve(key + ".dwproj");
    }

    /** Writes the project's current state (atomically), remembering where it belongs. */
    public void write(Project project, Path original) throws IOException {
        Object before = project.extras().get(ORIGINAL);
        project.extras().put(ORIGINAL, original == null ? "" : original.toAbsolutePath().toString());
        try {
            AtomicFiles.write(file(), new ProjectWriter().toJson(project).getBytes(StandardCharsets.UTF_8));
        } finally {
            if (before == null) {
                project.extras().remove(ORIGINAL);
            } else {
                project.extras().put(ORIGINAL, before);
            }
        }
    }

    public void clear() {
        try {
            Files.deleteIfExists(file());
        } catch (IOException e) {
            // A stale copy is offered once more at the next start; nothing is lost.
        }
    }

    /** A copy left behind by a session that did not end cleanly. */
    public record Recovered(Path copy, Project project, Path original) {
    }

    /** Copies left in {@code dir} (other than this window's), newest first; unreadable ones are skipped. */
    public static List<Recovered> leftBehind(Path dir) {
        List<Recovered> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".dwproj"))
                    .sorted((a, b) -> Long.compare(b.toFile().lastModified(), a.toFile().lastModified())).toList()) {
                try {
                    Project p = new ProjectReader().read(f);
                    Object original = p.extras().remove(ORIGINAL);
                    String o = original == null ? "" : original.toString();
                    out.add(new Recovered(f, p, o.isEmpty() ? null : Path.of(o)));
                } catch (ProjectFormatException e) {
                    // Not a readable copy (e.g. cut short by a power failure): leave it for a human to look at.
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
