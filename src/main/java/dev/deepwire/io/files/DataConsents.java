package dev.deepwire.io.files;

import dev.deepwire.io.AtomicFiles;
import dev.deepwire.limits.BoundedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The user's agreements to read a project's data outside its folder, remembered across sessions (decision 0016): one
 * line per project file and data file, both absolute, in {@code ~/.deepwire/data-consent.tsv}. It lives in the user's
 * own settings, never in a project file: a project someone sends cannot carry a consent with it, and a project whose
 * data path changes names a file nobody agreed to.
 */
public final class DataConsents {
    /** The oldest agreements are forgotten beyond this many (they are asked again). */
    public static final int MAX = 500;
    /**
     * The most bytes the file may hold: {@link #MAX} lines of two paths as long as a system allows (4,096 bytes each).
     * A larger file (or a pipe, a device) is none DeepWire wrote: it is not read, so it cannot hang or fill memory.
     */
    public static final long MAX_BYTES = MAX * (2L * 4096 + 2);
    private final Path file;
    private volatile String problem;

    public DataConsents(Path file) {
        this.file = file;
    }

    public static DataConsents forUser() {
        return new DataConsents(Path.of(System.getProperty("user.home"), ".deepwire", "data-consent.tsv"));
    }

    /** Whether the user agreed to read {@code data} for the project saved as {@code project}. */
    public synchronized boolean agreed(Path project, Path data) {
        return project != null && safe(project) != null && safe(data) != null && load().contains(line(project, data));
    }

    /** Remembers that the user agreed to read {@code data} for {@code project}; a failure to write only means asking again. */
    public synchronized void remember(Path project, Path data) {
        Set<String> lines = load();
        if (project == null || safe(project) == null || safe(data) == null || !lines.add(line(project, data))) {
            return;
        }
        List<String> kept = new ArrayList<>(lines);
        if (kept.size() > MAX) {
            kept = kept.subList(kept.size() - MAX, kept.size());
        }
        write(kept);
    }

    /**
     * Forgets that the user agreed to read {@code data} for {@code project} (Dataset Settings' "Forget agreement"): the
     * question comes again before it is read. Returns whether an agreement was written and is now gone.
     */
    public synchronized boolean forget(Path project, Path data) {
        Set<String> lines = load();
        if (project == null || safe(project) == null || safe(data) == null || !lines.remove(line(project, data))) {
            return false;
        }
        return write(new ArrayList<>(lines));
    }

    private boolean write(List<String> kept) {
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, (kept.isEmpty() ? "" : String.join("\n", kept) + "\n").getBytes(StandardCharsets.UTF_8));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the user's home is as private as it is
            }
            return true;
        } catch (IOException | InvalidPathException e) {
            return false; // not remembered (or not forgotten): the question comes again next session (or does not)
        }
    }

    /** A path that cannot split a line (a folder named with a line break or a tab could forge another entry). */
    private static String safe(Path p) {
        String s = p.toAbsolutePath().normalize().toString();
        return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\t') >= 0 ? null : s;
    }

    private static String line(Path project, Path data) {
        return project.toAbsolutePath().normalize() + "\t" + data.toAbsolutePath().normalize();
    }

    /**
     * Why the remembered agreements could not be read the last time they were looked up (too large, not an ordinary
     * file, not text), naming the file; null when they were read or there are none. Nothing is remembered then: each
     * agreement is asked again.
     */
    public String problem() {
        return problem;
    }

    /**
     * Read each time: another window (or another DeepWire) may have agreed since. Read within {@link #MAX_BYTES}, as an
     * ordinary file only: a huge file, {@code /dev/zero} or a pipe put there had filled memory or hung at start-up.
     */
    private Set<String> load() {
        Set<String> lines = new LinkedHashSet<>();
        try {
            if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                problem = null;
                return lines;
            }
            String text = BoundedFiles.utf8(BoundedFiles.readAll(file, MAX_BYTES, "data-consent file"));
            for (String l : text.split("\\R")) {
                if (l.indexOf('\t') > 0) {
                    lines.add(l);
                }
            }
            problem = null;
        } catch (java.nio.file.NoSuchFileException e) {
            problem = null; // a link to nothing: nothing agreed yet
        } catch (IOException | RuntimeException e) {
            // unreadable: nothing is remembered, everything is asked (and the question says why)
            problem = (e.getMessage() == null || !e.getMessage().contains(file.toString()) ? file + ": " : "")
                    + (e instanceof java.nio.charset.CharacterCodingException ? "not UTF-8 text"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return lines;
    }
}
