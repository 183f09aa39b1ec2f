package dev.deepwire.training;

import dev.deepwire.io.ProjectFolders;
import dev.deepwire.io.WriteFailure;
import dev.deepwire.io.files.SystemFolders;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Where runs write, for the command line and the workbench alike. A run folder belongs to one run: a default folder
 * ({@code runs/<project>-<time>}) is created new, with a suffix when another run took the name in the same second,
 * and its name comes from the project's name made into one safe folder name; a folder the user names that already
 * holds a run is never reused silently ({@link #claim}). A run holds its folder for its whole life
 * ({@link RunFolderLock}: an OS lock on {@code .run.lock} in it, released when the run ends or its
 * process dies), and no other run, {@code --overwrite} or not, takes over a folder that a live run holds. What a run
 * folder holds is {@link RunFiles}.
 */
public final class RunFolders {
    private static final int MAX_NAME = 64;
    private static final int MAX_NAME_BYTES = 160;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunFolders() {
    }

    /** A folder the user named holds an earlier run; {@link #files()} are its run files. */
    public static final class Taken extends IOException {
        private final transient List<Path> files;

        Taken(Path dir, List<Path> files) {
            super(dir + " already holds a run (" + String.join(", ", files.stream()
                    .map(f -> f.getFileName().toString()).sorted().toList()) + ")");
            this.files = List.copyOf(files);
        }

        public List<Path> files() {
            return files;
        }
    }

    /**
     * The project's name as one folder name: no separators, no {@code ..}, no control or invisible characters, at
     * most 64 characters; "project" when nothing usable is left.
     */
    public static String safeName(String projectName) {
        return safeName(projectName, pathCharset());
    }

    /**
     * As {@link #safeName(String)}, for file names in {@code charset}: a letter it cannot hold (any but ASCII under
     * a plain C locale) becomes '_', and the name stays within {@value #MAX_NAME_BYTES} bytes in it (64 letters of
     * four bytes each would leave no room for the time in a file system's 255).
     */
    static String safeName(String projectName, Charset charset) {
        CharsetEncoder encoder = charset.newEncoder();
        StringBuilder b = new StringBuilder();
        String name = projectName == null ? "" : projectName;
        name.codePoints().forEach(c -> {
            boolean kept = Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == ' ';
            if (kept && encoder.canEncode(new String(Character.toChars(c)))) {
                b.appendCodePoint(c);
            } else if (kept || !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT) {
                b.append('_');
            }
        });
        // nor a leading '-': "-rf-2026…" is read as options by the shell tools a user runs on it
        String safe = b.toString().strip().replaceAll("\\.{2,}", ".").replaceAll("^[.\\s-]+|[.\\s]+$", "");
        if (safe.codePointCount(0, safe.length()) > MAX_NAME) {
            safe = safe.substring(0, safe.offsetByCodePoints(0, MAX_NAME)).strip();
        }
        while (safe.getBytes(charset).length > MAX_NAME_BYTES) {
            safe = safe.substring(0, safe.offsetByCodePoints(0, safe.codePointCount(0, safe.length()) - 1)).strip();
        }
        return safe.isEmpty() || safe.chars().allMatch(c -> c == '_') ? "project" : safe;
    }

    /** The character set this JVM gives file names in (ASCII under a plain C locale). */
    private static Charset pathCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** Creates a new run folder {@code runsFolder/<project>-<time>} that no other run has (a suffix if need be). */
    public static Path createNew(Path runsFolder, String projectName) throws IOException {
        return createNew(runsFolder, projectName, LocalDateTime.now());
    }

    static Path createNew(Path runsFolder, String projectName, LocalDateTime now) throws IOException {
        ProjectFolders.requireNoLinkOut(runsFolder); // a project's runs/ linked to ~/.ssh is not followed
        SystemFolders.requirePlainFolder(runsFolder, "a runs folder");
        try {
            Files.createDirectories(runsFolder);
        } catch (IOException e) {
            throw WriteFailure.of(runsFolder, e);
        }
        String base = safeName(projectName) + "-" + now.format(STAMP);
        for (int k = 1; k <= 10_000; k++) {
            Path dir = runsFolder.resolve(k == 1 ? base : base + "-" + k);
            try {
                // Atomic: of two runs started together, each gets its own folder.
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                // taken: try the next suffix
            } catch (IOException e) {
                throw WriteFailure.of(dir, e);
            }
        }
        throw new WriteFailure(runsFolder.resolve(base), "10,000 runs already have this name");
    }

    /**
     * As {@link #createNew(Path, String)}, held for the run that will write it ({@link RunFolderLock}): a new folder
     * that another process claimed in the instant after it was made is left to it, and the next name taken.
     */
    public static RunFolderLock createNewHeld(Path runsFolder, String projectName) throws IOException {
        LocalDateTime now = LocalDateTime.now();
        for (int tries = 0; tries < 100; tries++) {
            Path dir = createNew(runsFolder, projectName, now);
            try {
                return RunFolderLock.on(dir);
            } catch (RunFolderLock.InUse e) {
                // claimed by another run meanwhile: it is theirs
            }
        }
        throw new WriteFailure(runsFolder, "no new run folder could be held");
    }

    /**
     * Makes {@code dir} ready for a new run and holds it for that run (close the lock when the run ends). A folder that
     * a live run holds is refused ({@link RunFolderLock.InUse}), {@code overwrite} or not; one holding an earlier run
     * is refused ({@link Taken}) unless {@code overwrite}, when that run's files are deleted first so the folder never
     * mixes two runs; a run file that is a link, a folder or another special file is never written through nor
     * deleted, but refused. Nothing is created when the folder is refused for its path.
     */
    public static RunFolderLock claim(Path dir, boolean overwrite) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new WriteFailure(dir, "it " + notAFolder(dir));
        }
        if (dir.toAbsolutePath().normalize().getParent() == null) {
            throw new WriteFailure(dir, "it is the root of the file system; name a folder for the run, e.g. runs/first");
        }
        SystemFolders.requirePlainFolder(dir, "a run folder"); // not /dev, /proc/sys/kernel: nothing is created there
        requireFoldersBeforeParentSteps(dir);
        createFolders(dir);
        // first: a live run's folder is never touched, and no run starts in it while this claims
        RunFolderLock lock = RunFolderLock.on(dir);
        try {
            List<Path> found = RunFiles.runFiles(dir);
            if (!found.isEmpty() && !overwrite) {
                throw new Taken(dir, found);
            }
            for (Path f : found) {
                if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    throw WriteFailure.notRegular(f,
                            "; a run never writes through it nor deletes it: remove it yourself or choose another folder");
                }
            }
            if (!found.isEmpty()) {
                RunFiles.removeWhole(dir, found);
            }
            return lock;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Refuses a path that goes up ({@code ..}) out of a folder that does not exist ({@code r4/../../out/r5}): the
     * operating system cannot follow it, and creating the folders as written would put the run somewhere else than
     * where its files are then written, or make a folder of a mistyped name. Nothing is created.
     */
    private static void requireFoldersBeforeParentSteps(Path dir) throws WriteFailure {
        Path prefix = dir.getRoot();
        for (Path name : dir) {
            if (name.toString().equals("..") && prefix != null && !Files.isDirectory(prefix)) {
                Path missing = firstMissing(prefix);
                if (Files.exists(missing)) { // it had said "does not exist" of a file on the way
                    throw new WriteFailure(dir, missing + " on the way " + notAFolder(missing)
                            + ", and the path goes up out of it with '..'; name another folder");
                }
                throw new WriteFailure(dir, "the folder " + missing + " on the way does not exist"
                        + (missing.isAbsolute() ? "" : " (" + missing.toAbsolutePath() + ")")
                        + ", and the path goes up out of it with '..'; create it first or name another folder");
            }
            prefix = prefix == null ? name : prefix.resolve(name);
        }
    }

    /**
     * {@link #claim} of a folder the user named ({@code train --out}), refused inside another run's folder (one holding
     * {@code run.json}, a live run's lock, or a model beside its metrics): deleting that run in Runs… deletes everything
     * in its folder, so the new run would go with it unnamed, and Runs… never lists it. {@code --out runs/first/again}
     * had been taken without a word. (A project kept in a run's folder, opened and trained, puts its runs beside
     * that run: {@link ProjectFolders#runs}.)
     */
    public static RunFolderLock claimNamed(Path dir, boolean overwrite) throws IOException {
        for (Path up = dir.toAbsolutePath().normalize().getParent(); up != null; up = up.getParent()) {
            if (ProjectFolders.isRunFolder(up)) {
                throw new WriteFailure(dir, "it lies inside " + up + ", the folder of another run, and deleting that run "
                        + "deletes everything in it; choose a folder outside it, e.g. " + up.resolveSibling(
                        up.getFileName() + "-" + dir.getFileName()));
            }
        }
        return claim(dir, overwrite);
    }

    /** What a thing on a run folder's way is instead of a folder: "is a file, not a folder", or a special file. */
    private static String notAFolder(Path p) {
        return Files.isRegularFile(p) ? "is a file, not a folder"
                : "is a special file (a pipe, a device or a socket), not a folder";
    }

    /** The first folder of {@code path}, as written, that is not there (itself when all above it are). */
    private static Path firstMissing(Path path) {
        Path prefix = path.getRoot();
        for (Path name : path) {
            prefix = prefix == null ? name : prefix.resolve(name);
            if (!Files.isDirectory(prefix)) {
                return prefix;
            }
        }
        return path;
    }

    /**
     * Creates {@code dir} and the folders above it that are missing, one at a time as written: unlike
     * {@link Files#createDirectories}, never a folder of a normalized path that the operating system would not reach.
     */
    private static void createFolders(Path dir) throws WriteFailure {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path prefix = dir.getRoot();
        for (Path name : dir) {
            prefix = prefix == null ? name : prefix.resolve(name);
            if (Files.isDirectory(prefix)) {
                continue;
            }
            try {
                Files.createDirectory(prefix);
            } catch (FileAlreadyExistsException e) {
                if (Files.isSymbolicLink(prefix)) {
                    throw WriteFailure.of(dir, e); // "it is a link to X, which does not exist"
                }
                if (!Files.isDirectory(prefix)) {
                    throw new WriteFailure(dir, prefix + " " + notAFolder(prefix));
                }
            } catch (IOException e) {
                throw WriteFailure.of(dir, e);
            }
        }
    }
}
