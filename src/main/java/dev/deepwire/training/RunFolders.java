package dev.deepwire.training;

import dev.deepwire.io.WriteFailure;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * holds a run is never reused silently ({@link #claim}). A run holds its folder for its whole life ({@link Lock}: an OS
 * lock on {@value #LOCK_FILE} in it, released when the run ends or its process dies), and no other run, {@code
 * --overwrite} or not, takes over a folder that a live run holds.
 */
public final class RunFolders {
    /** The files a run writes; a folder holding any of them holds a run. */
    private static final Pattern RUN_FILE = Pattern.compile(
            "metrics\\.csv|model\\.zip|run\\.json|best\\.zip|\\.paused-model\\.zip|checkpoint-epoch-\\d+\\.zip|model-[\\w-]+\\.zip");
    private static final int MAX_NAME = 64;
    private static final int MAX_NAME_BYTES = 160;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** The file in a run folder that the live run holds an OS lock on; hidden, not a run file, gone when the run ends. */
    public static final String LOCK_FILE = ".run.lock";

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

    /** A folder that a live run (in this process or another) is writing now: never taken over, not even to overwrite. */
    public static final class InUse extends IOException {
        private final String what;

        InUse(Path dir, String holder) {
            this(dir + " is being written by a run that is still going" + (holder == null ? "" : " (" + holder + ")"));
        }

        private InUse(String what) {
            super(what + "; choose another folder for this run, or stop that run first");
            this.what = what;
        }

        /** The message without the advice: which folder, and which process holds it when known. */
        public String what() {
            return what;
        }
    }

    /**
     * A run folder held by one run until closed: an OS lock ({@link FileChannel#tryLock}) on {@value #LOCK_FILE} in it,
     * which the operating system releases when the process ends however it ends, so a crashed run never leaves its
     * folder held. Closing deletes the lock file (while still holding it) and releases the lock.
     *
     * <p>The OS lock keeps out other processes; this process's own runs are kept apart by {@link #HELD} (the folders
     * it holds, by real path). The registry is needed as well: the lock is a POSIX record lock, which the process loses
     * when it closes <em>any</em> channel of the file, so the file is never opened here while this process holds it.
     */
    public static final class Lock implements Closeable {
        /** The folders this process holds (real paths); all taking and letting go happens under its monitor. */
        private static final java.util.Set<Path> HELD = new java.util.HashSet<>();

        private final Path dir;
        private final Path key;
        private final Path file;
        private FileChannel channel;

        private Lock(Path dir, Path key, Path file, FileChannel channel) {
            this.dir = dir;
            this.key = key;
            this.file = file;
            this.channel = channel;
        }

        /** The folder held. */
        public Path dir() {
            return dir;
        }

        /**
         * Holds {@code dir} (which must exist) for a run.
         *
         * @throws InUse when a live run holds it: another process, or a run of this one
         */
        public static Lock on(Path dir) throws IOException {
            Path file = dir.resolve(LOCK_FILE);
            synchronized (HELD) {
                Path key;
                try {
                    key = dir.toRealPath();
                } catch (IOException e) {
                    throw WriteFailure.of(dir, e);
                }
                if (HELD.contains(key)) {
                    throw new InUse(dir, "in this process");
                }
                for (int attempt = 0; attempt < 100; attempt++) {
                    Object before = fileKey(file); // which file the name is now
                    if (before == null) {
                        try {
                            Files.createFile(file);
                        } catch (FileAlreadyExistsException e) {
                            // another run made it first: look again
                        } catch (IOException e) {
                            throw WriteFailure.of(file, e);
                        }
                        continue;
                    }
                    FileChannel channel;
                    try {
                        // never through a link: the lock file is ours, in this folder
                        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                    } catch (IOException e) {
                        throw WriteFailure.of(file, e);
                    }
                    FileLock lock;
                    try {
                        lock = channel.tryLock();
                    } catch (OverlappingFileLockException e) {
                        channel.close();
                        throw new InUse(dir, "in this process"); // by another name that HELD did not know
                    } catch (IOException e) {
                        channel.close();
                        throw new WriteFailure(file, "cannot lock the run folder: " + WriteFailure.reason(e));
                    }
                    if (lock == null) {
                        channel.close(); // this process holds no lock on the file: closing loses none
                        throw new InUse(dir, holder(file));
                    }
                    // A run that held it deletes the file before it lets go: a lock taken on a file no longer in the
                    // folder (another run may hold the new one) holds nothing. The name was this file before it was
                    // opened and still is now that it is locked: the lock is on the folder's lock file.
                    if (before.equals(fileKey(file))) {
                        try {
                            byte[] mark = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8);
                            channel.truncate(0);
                            channel.write(ByteBuffer.wrap(mark), 0); // who holds it, for the message of a refusal
                        } catch (IOException e) {
                            // the lock holds without the mark
                        }
                        HELD.add(key);
                        return new Lock(dir, key, file, channel);
                    }
                    channel.close(); // a stale or new file: look again
                }
                throw new InUse(dir, null);
            }
        }

        private static Object fileKey(Path file) throws WriteFailure {
            try {
                return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS).fileKey();
            } catch (NoSuchFileException e) {
                return null;
            } catch (IOException e) {
                throw WriteFailure.of(file, e);
            }
        }

        /** "process N": the process whose mark a lock file held by another process carries, or null. */
        private static String holder(Path file) {
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                ByteBuffer b = ByteBuffer.allocate(32);
                while (b.hasRemaining() && in.read(b) > 0) {
                    // a mark is a process id and a line end
                }
                String pid = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
                return pid.matches("\\d{1,10}") ? "process " + pid : null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** Ends the hold: the lock file is deleted while still held, then the lock released. Idempotent. */
        @Override
        public void close() throws IOException {
            synchronized (HELD) {
                if (channel == null) {
                    return;
                }
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a lock file left behind is unlocked once the channel closes: the next run takes it over
                } finally {
                    try {
                        channel.close();
                    } finally {
                        channel = null;
                        HELD.remove(key);
                    }
                }
            }
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
        String safe = b.toString().strip().replaceAll("\\.{2,}", ".").replaceAll("^[.\\s]+|[.\\s]+$", "");
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
     * As {@link #createNew(Path, String)}, held for the run that will write it ({@link Lock}): a new folder that
     * another process claimed in the instant after it was made is left to it, and the next name taken.
     */
    public static Lock createNewHeld(Path runsFolder, String projectName) throws IOException {
        LocalDateTime now = LocalDateTime.now();
        for (int tries = 0; tries < 100; tries++) {
            Path dir = createNew(runsFolder, projectName, now);
            try {
                return Lock.on(dir);
            } catch (InUse e) {
                // claimed by another run meanwhile: it is theirs
            }
        }
        throw new WriteFailure(runsFolder, "no new run folder could be held");
    }

    /**
     * Makes {@code dir} ready for a new run and holds it for that run (close the lock when the run ends). A folder that
     * a live run holds is refused ({@link InUse}), {@code overwrite} or not; one holding an earlier run is refused
     * ({@link Taken}) unless {@code overwrite}, when that run's files are deleted first so the folder never mixes two
     * runs; a run file that is a link, a folder or another special file is never written through nor deleted, but
     * refused. Nothing is created when the folder is refused for its path.
     */
    public static Lock claim(Path dir, boolean overwrite) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new WriteFailure(dir, "it is a file, not a folder");
        }
        if (dir.toAbsolutePath().normalize().getParent() == null) {
            throw new WriteFailure(dir, "it is the root of the file system; name a folder for the run, e.g. runs/first");
        }
        requireFoldersBeforeParentSteps(dir);
        createFolders(dir);
        Lock lock = Lock.on(dir); // first: a live run's folder is never touched, and no run starts in it while this claims
        try {
            List<Path> found = runFiles(dir);
            if (!found.isEmpty() && !overwrite) {
                throw new Taken(dir, found);
            }
            for (Path f : found) {
                if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    throw new WriteFailure(f, (Files.isSymbolicLink(f) ? "it is a symbolic link"
                            : Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS) ? "it is a folder" : "it is not a regular file")
                            + "; a run never writes through it nor deletes it: remove it yourself or choose another folder");
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
                throw new WriteFailure(dir, "the folder " + missing + " on the way does not exist"
                        + (missing.isAbsolute() ? "" : " (" + missing.toAbsolutePath() + ")")
                        + ", and the path goes up out of it with '..'; create it first or name another folder");
            }
            prefix = prefix == null ? name : prefix.resolve(name);
        }
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
                    throw new WriteFailure(dir, prefix + " is a file, not a folder");
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
            return new ArrayList<>(files.filter(f -> RUN_FILE.matcher(f.getFileName().toString()).matches()).toList());
        } catch (IOException e) {
            throw new WriteFailure(dir, "cannot list the folder: " + WriteFailure.reason(e));
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
