package dev.deepwire.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepwire.io.AtomicFiles;
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
        try {
            Files.createDirectories(sweepsDir);
        } catch (IOException e) {
            throw WriteFailure.of(sweepsDir, e);
        }
        String base = RunFolders.safeName(projectName) + "-sweep-" + LocalDateTime.now().format(STAMP);
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
        String base = RunFolders.safeName(projectName) + "-sweep-" + LocalDateTime.now().format(STAMP);
        for (int k = 1; k <= 10_000; k++) {
            String name = k == 1 ? base : base + "-" + k;
            if (!runsTaken(runsDir, name)) {
                return name;
            }
        }
        throw new WriteFailure(runsDir.resolve(base), "10,000 sweeps already have this name");
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
            JsonNode root = JSON.readTree(file.toFile());
            if (!(root instanceof ObjectNode o) || !root.path("runs").isArray() || !root.path("spec").isObject()
                    || !root.path("projectFile").isTextual() || !root.path("name").isTextual()) {
                throw new SweepSpecException(file + ": not a sweep file (projectFile, name, spec and runs are needed)");
            }
            SweepFolder folder = new SweepFolder(dir, o);
            folder.spec();
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

    public Path projectFile() {
        return Path.of(root.path("projectFile").asText());
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
}
