package dev.deepwire.io.files;

import dev.deepwire.io.AtomicFiles;
import dev.deepwire.io.ProjectFormatException;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.io.ProjectWriter;
import dev.deepwire.io.WriteFailure;
import dev.deepwire.model.Project;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
    /** The version of the project file the unsaved work began from ({@link DiskVersion#text}). */
    public static final String BASED_ON = "autosaveBasedOn";
    /** Other names tried for this window's copy and lock where something else stands at its own. */
    private static final int NAMES_TRIED = 100;
    private final Path dir;
    private final String baseKey;
    private String key;
    /** Held while this window has a copy in {@code dir}: another process's {@link #leftBehind} leaves the copy alone. */
    private FileChannel lockChannel;

    /** @param key distinguishes this window's copy from other running windows' */
    public Autosave(Path dir, String key) {
        this.dir = dir;
        this.baseKey = key;
        this.key = key;
    }

    public static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".deepwire", "autosave");
    }

    public Path file() {
        return dir.resolve(key + ".dwproj");
    }

    /** The lock file a live window holds beside its copy ({@code <key>.lock}). */
    static Path lockOf(Path copy) {
        String name = copy.getFileName().toString();
        return copy.resolveSibling(name.substring(0, name.length() - ".dwproj".length()) + ".lock");
    }

    /**
     * Takes this window's lock before its copy is written: a second DeepWire started meanwhile (the same project
     * opened twice from the file manager) offered the running window's unsaved work as left by a crash — "did not
     * close cleanly last time" — and its Discard deleted that window's copy. The operating system releases the lock
     * when the process ends, however it ends.
     */
    private void hold() throws IOException {
        if (lockChannel != null) {
            return;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new WriteFailure(file(), "cannot create the autosave folder " + dir + ": " + WriteFailure.reason(e));
        }
        // A symbolic link, a folder or another special file where this window's copy or lock goes (DeepWire makes
        // neither so): passed over for the next free name. The copy had been written through a link (a file elsewhere
        // replaced by the project), and a lock that was a link or a folder had stopped autosaving for the window's
        // whole life ("Too many levels of symbolic links", naming no file).
        for (int n = 2; !ownable(file()) || !ownable(lockOf(file())); n++) {
            if (n > NAMES_TRIED) {
                throw new WriteFailure(dir.resolve(baseKey + ".dwproj"), "this name and " + NAMES_TRIED
                        + " others in " + dir + " are taken by links, folders or special files; move them away");
            }
            key = baseKey + "-" + n;
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(lockOf(file()), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw WriteFailure.of(lockOf(file()), e);
        }
        try {
            if (channel.tryLock() == null) {
                throw new IOException("another process holds " + lockOf(file()));
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        lockChannel = channel;
    }

    /** Whether nothing stands at {@code file} but an ordinary file (not a link, folder, pipe or device). */
    private static boolean ownable(Path file) {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.notExists(file, LinkOption.NOFOLLOW_LINKS);
    }

    private void release() {
        if (lockChannel == null) {
            return;
        }
        try {
            Files.deleteIfExists(lockOf(file())); // while held: no one takes a lock on a file about to go
            lockChannel.close();
        } catch (IOException e) {
            // released when the process ends; a lock file left behind is taken and removed by the next start
        }
        lockChannel = null;
    }

    /**
     * What the operating system does for this window's copy when its process ends without closing it (a crash, a
     * kill): the lock goes, the copy stays for the next start to offer. Tests stand in for a crash with it.
     */
    public void abandon() {
        if (lockChannel != null) {
            try {
                lockChannel.close();
            } catch (IOException e) {
                // closed as the process ends
            }
            lockChannel = null;
        }
    }

    /**
     * Whether no running window (in this process or another) holds {@code lock}: its lock can be taken. A free lock file
     * is removed where {@code remove} asks (its session ended without closing); one that cannot be opened counts as free
     * and stays (offered, as before locks).
     */
    private static boolean free(Path lock, boolean remove) {
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock taken = channel.tryLock();
            if (taken == null) {
                return false;
            }
            if (remove) {
                Files.deleteIfExists(lock); // while held: no window takes a lock on a file about to go
            }
            return true; // released as the channel closes
        } catch (OverlappingFileLockException e) {
            return false; // held by a window of this process
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Whether the copy belongs to a window that is still open (in this process or another): its lock is held. A copy
     * without a lock file (written by an older version) or whose lock is free was left by a session that ended.
     */
    static boolean live(Path copy) {
        Path lock = lockOf(copy);
        return Files.isRegularFile(lock, LinkOption.NOFOLLOW_LINKS) && !free(lock, false);
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
        write(project, original, agreedData, null);
    }

    /**
     * As {@link #write(Project, Path, List)}, remembering also the version of {@code original} the work began from
     * ({@code basedOn}, may be null): restored after a crash, a save over a file changed since still asks first.
     */
    public void write(Project project, Path original, List<Path> agreedData, DiskVersion basedOn) throws IOException {
        Object before = project.extras().get(ORIGINAL);
        Object agreedBefore = project.extras().get(AGREED_DATA);
        Object basedBefore = project.extras().get(BASED_ON);
        project.extras().put(ORIGINAL, original == null ? "" : original.toAbsolutePath().toString());
        project.extras().put(AGREED_DATA, agreedData.stream().map(p -> p.toAbsolutePath().toString()).toList());
        project.extras().put(BASED_ON, basedOn == null ? "" : basedOn.text());
        try {
            hold();
            AtomicFiles.write(file(), new ProjectWriter().toJson(project).getBytes(StandardCharsets.UTF_8));
        } finally {
            restore(project, ORIGINAL, before);
            restore(project, AGREED_DATA, agreedBefore);
            restore(project, BASED_ON, basedBefore);
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
        release();
    }

    /** A copy left behind by a session that did not end cleanly. */
    public record Recovered(Path copy, Project project, Path original, List<Path> agreedData, DiskVersion basedOn) {
        public Recovered(Path copy, Project project, Path original, List<Path> agreedData) {
            this(copy, project, original, agreedData, null);
        }
    }

    /**
     * The file a copy's work belongs to, as {@link #write} keeps it (an absolute path); null — the work restored as
     * not yet saved anywhere, so Save asks where — for anything else a copy edited by hand or by another program may
     * hold: a path with a NUL had stopped the workbench from starting at all, every time, and a relative one would
     * have been saved wherever the next start ran from.
     */
    private static Path original(Object kept) {
        return kept instanceof String s ? absolutePath(s) : null;
    }

    private static Path absolutePath(String s) {
        try {
            Path p = s.isEmpty() || s.indexOf('\0') >= 0 ? null : Path.of(s);
            return p != null && p.isAbsolute() ? p : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null; // not a path
        }
    }

    private static List<Path> agreed(Object listed) {
        List<Path> out = new ArrayList<>();
        if (listed instanceof List<?> l) {
            for (Object o : l) {
                Path p = o instanceof String s ? absolutePath(s) : null; // not a path: nothing agreed
                if (p != null) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /**
     * Copies left in {@code dir} by sessions that ended without saving, newest first; a copy a running window still
     * holds ({@link #live}) and unreadable ones are skipped.
     */
    public static List<Recovered> leftBehind(Path dir) {
        List<Recovered> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> locks = Files.list(dir)) { // locks of sessions that ended: theirs alone, gone with them
            locks.filter(p -> p.toString().endsWith(".lock") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .forEach(lock -> free(lock, true));
        } catch (IOException e) {
            // left for the next start
        }
        try (Stream<Path> files = Files.list(dir)) {
            // a copy is always an ordinary file: a link there (to a project elsewhere) is not offered as one
            for (Path f : files.filter(p -> p.toString().endsWith(".dwproj"))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).filter(p -> !live(p))
                    .sorted((a, b) -> Long.compare(b.toFile().lastModified(), a.toFile().lastModified())).toList()) {
                try {
                    Project p = new ProjectReader().read(f);
                    out.add(new Recovered(f, p, original(p.extras().remove(ORIGINAL)),
                            agreed(p.extras().remove(AGREED_DATA)), DiskVersion.parse(p.extras().remove(BASED_ON))));
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
