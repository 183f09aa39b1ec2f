package dev.deepwire.training;

import dev.deepwire.io.ProjectFolders;
import dev.deepwire.io.WriteFailure;
import dev.deepwire.io.files.SystemFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Where runs write, for the command line and the workbench alike. A run folder belongs to one run: a default folder
 * ({@code runs/<project>-<time>}) is created new, with a suffix when another run took the name in the same second,
 * and its name comes from the project's name made into one safe folder name; a folder the user names that already
 * holds a run is never reused silently ({@link #claim}). A run holds its folder for its whole life
 * ({@link RunFolderLock}: an OS lock on {@value RunFolderLock#LOCK_FILE} in it, released when the run ends or its
 * process dies), and no other run, {@code --overwrite} or not, takes over a folder that a live run holds.
 */
public final class RunFolders {
    /** The files a run writes; a folder holding any of them holds a run. */
    private static final Pattern RUN_FILE = Pattern.compile(
            "metrics\\.csv|model\\.zip|run\\.json|best\\.zip|\\.paused-model\\.zip|checkpoint-epoch-\\d+\\.zip|model-[\\w-]+\\.zip");
    /**
     * The project a run trained, kept in its folder as the run begins, whoever trains it (the window, its fallback,
     * {@code deepwire train}, a sweep): Evaluate and Inspect of the run read it once the project is edited.
     */
    public static final String KEPT_PROJECT = "project.dwproj";
    private static final int MAX_NAME = 64;
    private static final int MAX_NAME_BYTES = 160;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunFolders() {
    }

    /** Whether a run writes (or, with --overwrite, deletes) a file of this name in its folder. */
    public static boolean isRunFile(String fileName) {
        return RUN_FILE.matcher(fileName).matches();
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
            List<Path> found = runFiles(dir);
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
                removeWhole(dir, found);
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

    /**
     * Removes an earlier run's files all or none: each is first moved into a hidden folder beside them, and when one
     * cannot be moved (no permission, an immutable file) those already moved go back, so the earlier run stays whole.
     */
    private static void removeWhole(Path dir, List<Path> found) throws WriteFailure {
        Path aside;
        try {
            aside = Files.createTempDirectory(dir, ".replaced-run-");
        } catch (IOException e) {
            throw new WriteFailure(found.get(0), "cannot delete the earlier run's file: " + WriteFailure.reason(e));
        }
        List<Path> moved = new ArrayList<>();
        for (Path f : found) {
            try {
                moved.add(Files.move(f, aside.resolve(f.getFileName())));
            } catch (IOException e) {
                for (int i = moved.size() - 1; i >= 0; i--) {
                    try {
                        Files.move(moved.get(i), dir.resolve(moved.get(i).getFileName()));
                    } catch (IOException back) {
                        // left in the hidden folder; the message below still says the run was not replaced
                    }
                }
                deleteQuietly(aside);
                throw new WriteFailure(f, "cannot delete the earlier run's file: " + WriteFailure.reason(e)
                        + "; the earlier run was left as it was");
            }
        }
        for (Path f : moved) {
            deleteQuietly(f);
        }
        deleteQuietly(aside);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover in the hidden folder holds no run: the folder is still claimed for the new one
        }
    }

    private static List<Path> runFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = new ArrayList<>(files.filter(f -> RUN_FILE.matcher(f.getFileName().toString()).matches())
                    .toList());
            Path kept = dir.resolve(KEPT_PROJECT);
            if (!found.isEmpty() && Files.exists(kept, LinkOption.NOFOLLOW_LINKS)) {
                found.add(kept); // the earlier run's copy goes with it; alone, it is a project file of the user's
            }
            return found;
        } catch (IOException e) {
            throw new WriteFailure(dir, "cannot list the folder: " + WriteFailure.reason(e));
        }
    }

    /** Where a run folder keeps the project it trained. */
    public static Path keptProjectFile(Path dir) {
        return dir.resolve(KEPT_PROJECT);
    }

    /**
     * Keeps the project a run trains in its folder ({@value #KEPT_PROJECT}), through the one atomic writer. A file of
     * that name in a folder that holds no run files (a folder the user named for the run, where a project of that name
     * lives) is no run's copy: it is left as it is. Returns why the copy was not kept, or null when it was.
     */
    public static String keepProject(dev.deepwire.model.Project project, Path dir) {
        Path file = keptProjectFile(dir);
        try {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && runFiles(dir).isEmpty()) {
                return file + " is not a run's copy of its project (this folder holds no run): it is left as it is";
            }
            new dev.deepwire.io.ProjectWriter().write(project, file);
            return null;
        } catch (IOException | RuntimeException e) {
            return e.getMessage();
        }
    }

    /**
     * Where a run's model went: {@code problem} says why it is not at {@code dir/model.zip} (null when it is): the
     * reason {@code model.zip} could not be written.
     */
    public record SavedModel(Path file, String problem) {
    }

    /**
     * Saves a trained model as {@code dir/model.zip} or, when that cannot be written (it is a folder, the disk is
     * full, no permission), beside it as {@code model-<time>.zip} or else in the system's temporary folder.
     *
     * @throws WriteFailure when the model could be written nowhere: the message says why, for each place tried
     */
    public static SavedModel saveModel(ComputationGraph model, Path dir) throws WriteFailure {
        Path wanted = dir.resolve("model.zip");
        String problem;
        try {
            TrainingEngine.save(model, wanted);
            return new SavedModel(wanted, null);
        } catch (UncheckedIOException e) {
            problem = e.getCause() instanceof WriteFailure w ? w.reason() : e.getMessage();
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        List<String> also = new ArrayList<>();
        for (Path alternative : List.of(dir.resolve("model-" + stamp + ".zip"),
                Path.of(System.getProperty("java.io.tmpdir")).resolve("deepwire-model-" + stamp + "-"
                        + Long.toHexString(System.nanoTime()) + ".zip"))) {
            try {
                TrainingEngine.save(model, alternative);
                return new SavedModel(alternative, problem);
            } catch (UncheckedIOException e) {
                also.add(e.getMessage());
            }
        }
        throw new WriteFailure(wanted, problem + "; nor could it be saved elsewhere (" + String.join("; ", also)
                + "), so the trained model was lost");
    }
}
