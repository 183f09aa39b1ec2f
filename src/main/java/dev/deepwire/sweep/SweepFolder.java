package dev.deepwire.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepwire.io.AtomicFiles;
import dev.deepwire.io.ProjectFolders;
import dev.deepwire.io.WriteFailure;
import dev.deepwire.training.RunFolders;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's folder: {@code sweep.json} holds the project file, the spec and every run with its status (PENDING,
 * FINISHED or FAILED, with the reason and the run's selection figure), rewritten atomically as each run ends, so a
 * sweep cut short (Ctrl+C, a power cut) can be resumed: its finished runs are kept, the others run again.
 */
public final class SweepFolder {
    public static final String FILE = "sweep.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /**
     * The most of the project's name a sweep's name keeps, so that its runs' names ({@code <name>-sweep-<time>-<n>-<k>},
     * a suffix and a run number of up to 6 characters each) stay within a run folder name's 64 characters.
     */
    static final int MAX_PROJECT_PART = 64 - "-sweep-yyyyMMdd-HHmmss".length() - 2 * "-10000".length();

    /** One run of the sweep as recorded. */
    public record Entry(String runName, Map<String, String> settings, String status, String reason, double metric) {
        public boolean finished() {
            return "FINISHED".equals(status);
        }
    }

    private final Path dir;
    private final ObjectNode root;

    private SweepFolder(Path dir, ObjectNode root) {
        this.dir = dir;
        this.root = root;
    }

    /**
     * A new sweep's name and folder: {@code <project>-sweep-<time>} (a suffix when taken) under {@code sweepsDir},
     * with no run folder of that name in {@code runsDir} either, so the sweep never writes over an earlier run.
     */
    public static Path createNew(Path sweepsDir, Path runsDir, String projectName) throws IOException {
        ProjectFolders.requireNoLinkOut(sweepsDir);
        ProjectFolders.requireNoLinkOut(runsDir);
        try {
            Files.createDirectories(sweepsDir);
        } catch (IOException e) {
            throw WriteFailure.of(sweepsDir, e);
        }
        String base = base(projectName);
        for (int k = 1; k <= 10_000; k++) {
            String name = k == 1 ? base : base + "-" + k;
            if (runsTaken(runsDir, name)) {
                continue;
            }
            try {
                return Files.createDirectory(sweepsDir.resolve(name));
            } catch (FileAlreadyExistsException e) {
                // taken: try the next suffix
            } catch (IOException e) {
                throw WriteFailure.of(sweepsDir.resolve(name), e);
            }
        }
        throw new WriteFailure(sweepsDir.resolve(base), "10,000 sweeps already have this name");
    }

    /** A new sweep's name, {@code <project>-sweep-<time>} (a suffix when taken), that no run folder in runsDir starts with. */
    public static String newName(Path runsDir, String projectName) throws IOException {
        String base = base(projectName);
        for (int k = 1; k <= 10_000; k++) {
            String name = k == 1 ? base : base + "-" + k;
            if (!runsTaken(runsDir, name)) {
                return name;
            }
        }
        throw new WriteFailure(runsDir.resolve(base), "10,000 sweeps already have this name");
    }

    private static String base(String projectName) {
        String project = RunFolders.safeName(projectName);
        if (project.codePointCount(0, project.length()) > MAX_PROJECT_PART) {
            project = RunFolders.safeName(project.substring(0, project.offsetByCodePoints(0, MAX_PROJECT_PART)));
        }
        return project + "-sweep-" + LocalDateTime.now().format(STAMP);
    }

    private static boolean runsTaken(Path runsDir, String sweepName) throws IOException {
        if (!Files.isDirectory(runsDir)) {
            return false;
        }
        try (var list = Files.list(runsDir)) {
            return list.anyMatch(p -> p.getFileName().toString().startsWith(sweepName + "-"));
        }
    }

    /** Whether {@code dir} holds a sweep. */
    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    /** Starts {@code dir/sweep.json} with every task PENDING. */
    public static SweepFolder create(Path dir, Path projectFile, String sweepName, SweepSpec spec, List<SweepTask> tasks)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("projectFile", projectFile.toAbsolutePath().normalize().toString());
        root.put("name", sweepName);
        root.set("spec", JSON.valueToTree(spec));
        ArrayNode runs = root.putArray("runs");
        for (SweepTask t : tasks) {
            ObjectNode r = runs.addObject();
            r.put("name", t.runName());
            r.set("settings", JSON.valueToTree(ordered(spec, t.settings())));
            r.put("status", "PENDING");
        }
        SweepFolder folder = new SweepFolder(dir, root);
        folder.save();
        return folder;
    }

    /**
     * Reads {@code dir/sweep.json}.
     *
     * @throws SweepSpecException when it is missing or not a sweep DeepWire wrote (naming the file)
     */
    public static SweepFolder open(Path dir) throws SweepSpecException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new SweepSpecException(dir + " holds no " + FILE + ": it is not a sweep folder");
        }
        try {
            if (Files.size(file) > SweepFileCheck.MAX_BYTES) {
                throw new SweepSpecException(file + ": " + Files.size(file) + " bytes, more than a sweep.json DeepWire "
                        + "writes (" + SweepFileCheck.MAX_BYTES + "); start a new sweep instead of resuming this one");
            }
            JsonNode root = JSON.readTree(file.toFile());
            SweepFileCheck.check(file, root);
            SweepFolder folder = new SweepFolder(dir, (ObjectNode) root);
            folder.spec();
            folder.projectFile();
            return folder;
        } catch (IOException | IllegalArgumentException e) {
            throw new SweepSpecException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    public Path dir() {
        return dir;
    }

    public String name() {
        return root.path("name").asText();
    }

    /** The project swept: sweep.json's projectFile, a relative one taken from the sweep's folder. */
    public Path projectFile() {
        return dir.resolve(root.path("projectFile").asText()).normalize();
    }

    /**
     * The project a resume of this sweep trains. sweep.json is a file anyone can edit or send, so its projectFile is
     * trusted only where DeepWire itself puts a sweep of that project: in that project's own {@code sweeps/} folder,
     * the project an ordinary file (not a link, a pipe, a device) beside it. Anywhere else (an {@code --out} folder, a
     * folder moved or sent, a projectFile edited to name another file) the user names the project: {@code named},
     * which must be the one recorded. A tampered sweep.json had been followed to any file it named (a pipe that hung
     * the resume, a project elsewhere the user never chose, whose runs/ it then filled).
     *
     * @param named the project the user named with the resume, or null
     * @throws SweepSpecException naming sweep.json, the project it records and what to run instead
     */
    public Path projectToResume(Path named) throws SweepSpecException {
        Path recorded = projectFile();
        Path file = dir.resolve(FILE);
        if (named != null) {
            if (!sameFile(recorded, named)) {
                throw new SweepSpecException(file + " is a sweep of the project " + recorded + ", not of " + named
                        + "; name that sweep's own project, or start a new sweep of " + named);
            }
            return named;
        }
        if (!inOwnSweepsFolder(recorded)) {
            throw new SweepSpecException(file + " names the project " + recorded + ", but this folder is not in that "
                    + "project's sweeps folder (" + ProjectFolders.sweeps(recorded) + "), so it is not trusted on the "
                    + "file's word (sweep.json can be edited, or was moved); name the project this sweep is of: "
                    + "deepwire sweep PROJECT.dwproj --resume " + dir);
        }
        return recorded;
    }

    /** The command that resumes this sweep: the project named unless the folder lies in its own sweeps/ folder. */
    public String resumeCommand() {
        Path recorded = projectFile();
        return "deepwire sweep " + (inOwnSweepsFolder(recorded) ? "" : recorded + " ") + "--resume " + dir;
    }

    /** Whether this folder is {@code sweeps/<name>} beside {@code project}, and the project an ordinary file there. */
    private boolean inOwnSweepsFolder(Path project) {
        try {
            if (!Files.isRegularFile(project, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            Path parent = dir.toRealPath().getParent();
            return parent != null && parent.equals(ProjectFolders.sweeps(project.toRealPath()).toRealPath());
        } catch (IOException | SecurityException e) {
            return false; // no sweeps folder there, a link loop, unreadable: not where DeepWire put this sweep
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    public SweepSpec spec() {
        try {
            return JSON.treeToValue(root.path("spec"), SweepSpec.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("its spec cannot be read: " + e.getMessage(), e);
        }
    }

    /** The runs as recorded, in the sweep's order. */
    public synchronized List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode r : root.path("runs")) {
            Map<String, String> settings = new LinkedHashMap<>();
            r.path("settings").fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
            entries.add(new Entry(r.path("name").asText(), settings, r.path("status").asText("PENDING"),
                    r.path("reason").isTextual() ? r.path("reason").asText() : null,
                    r.path("metric").isNumber() ? r.path("metric").asDouble() : Double.NaN));
        }
        return entries;
    }

    /** Records how a run ended and rewrites sweep.json at once. */
    public synchronized void record(String runName, boolean finished, String reason, double metric) throws IOException {
        for (JsonNode r : root.path("runs")) {
            if (r.path("name").asText().equals(runName)) {
                ObjectNode o = (ObjectNode) r;
                o.put("status", finished ? "FINISHED" : "FAILED");
                if (reason == null) {
                    o.remove("reason");
                } else {
                    o.put("reason", reason);
                }
                if (Double.isFinite(metric)) {
                    o.put("metric", metric);
                } else {
                    o.remove("metric");
                }
            }
        }
        save();
    }

    private void save() throws IOException {
        AtomicFiles.write(dir.resolve(FILE), JSON.writeValueAsBytes(root));
    }

    /** A run's settings in the spec's order, the seed last. */
    static Map<String, String> ordered(SweepSpec spec, Map<String, String> settings) {
        Map<String, String> m = new LinkedHashMap<>();
        spec.params().keySet().stream().filter(settings::containsKey).forEach(k -> m.put(k, settings.get(k)));
        settings.forEach(m::putIfAbsent);
        return m;
    }

    /**
     * A sweep folder held by one process until closed: a second {@code deepwire sweep} of the same folder at the same
     * time would train the same runs twice and write over their run folders and sweep.json.
     */
    public static final class Lock implements java.io.Closeable {
        private final java.nio.channels.FileChannel channel;

        private Lock(java.nio.channels.FileChannel channel) {
            this.channel = channel;
        }

        /**
         * Holds {@code dir} (made if missing); null holds nothing.
         *
         * @throws SweepSpecException when another process, or this one, holds it already
         */
        public static Lock on(Path dir) throws SweepSpecException, IOException {
            if (dir == null) {
                return new Lock(null);
            }
            Path file = dir.resolve(".sweep.lock");
            java.nio.channels.FileChannel channel;
            try {
                Files.createDirectories(dir);
                refuseNotOurs(file);
                // never through a link, and read-write: opening a pipe to write alone waits for a reader for ever
                channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS);
            } catch (WriteFailure e) {
                throw e;
            } catch (IOException e) {
                throw WriteFailure.of(file, e);
            }
            java.nio.channels.FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new SweepSpecException(dir + ": another deepwire sweep is running this sweep now; wait for it "
                        + "to end (or stop it), then resume it");
            }
            return new Lock(channel);
        }

        /**
         * A lock file is an ordinary file this class made: a symbolic link there (in a sweep folder someone sent) had
         * been followed — the file it names created, wherever that was — and a pipe had kept {@code sweep --resume}
         * waiting for ever, saying nothing.
         */
        private static void refuseNotOurs(Path file) throws WriteFailure {
            java.nio.file.attribute.BasicFileAttributes a;
            try {
                a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS);
            } catch (java.nio.file.NoSuchFileException e) {
                return; // made new
            } catch (IOException e) {
                throw WriteFailure.of(file, e);
            }
            if (!a.isRegularFile()) {
                throw WriteFailure.notRegular(file, ", not the lock file a sweep makes; a sweep never writes through "
                        + "it nor waits on it: remove it, then run the sweep again");
            }
        }

        @Override
        public void close() throws IOException {
            if (channel != null) {
                channel.close(); // releases the lock
            }
        }
    }
}
