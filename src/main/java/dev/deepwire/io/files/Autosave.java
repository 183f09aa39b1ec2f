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
    /** The data files the user agreed to read for the unsaved work (trusted only in a copy found in {@code dir}). */
    public static final String AGREED_DATA = "autosaveAgreedData";
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
        write(project, original, List.of());
    }

    /**
     * Writes the project's current state (atomically), remembering where it belongs and which data files outside its
     * folder the user agreed to read for it while it is unsaved (a restore does not ask about them again). What the
     * project itself carried under those names is replaced: a project file cannot bring a consent.
     */
    public void write(Project project, Path original, List<Path> agreedData) throws IOException {
        Object before = project.extras().get(ORIGINAL);
        Object agreedBefore = project.extras().get(AGREED_DATA);
        project.extras().put(ORIGINAL, original == null ? "" : original.toAbsolutePath().toString());
        project.extras().put(AGREED_DATA, agreedData.stream().map(p -> p.toAbsolutePath().toString()).toList());
        try {
            AtomicFiles.write(file(), new ProjectWriter().toJson(project).getBytes(StandardCharsets.UTF_8));
        } finally {
            restore(project, ORIGINAL, before);
            restore(project, AGREED_DATA, agreedBefore);
        }
    }

    private static void restore(Project project, String key, Object before) {
        if (before == null) {
            project.extras().remove(key);
        } else {
            project.extras().put(key, before);
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
    public record Recovered(Path copy, Project project, Path original, List<Path> agreedData) {
    }

    private static List<Path> agreed(Object listed) {
        List<Path> out = new ArrayList<>();
        if (listed instanceof List<?> l) {
            for (Object o : l) {
                try {
                    Path p = o instanceof String s && s.indexOf('\0') < 0 ? Path.of(s) : null;
                    if (p != null && p.isAbsolute()) {
                        out.add(p);
                    }
                } catch (java.nio.file.InvalidPathException e) {
                    // not a path: nothing agreed
                }
            }
        }
        return out;
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
                    out.add(new Recovered(f, p, o.isEmpty() ? null : Path.of(o), agreed(p.extras().remove(AGREED_DATA))));
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
