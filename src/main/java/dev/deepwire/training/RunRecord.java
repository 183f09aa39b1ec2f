package dev.deepwire.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepwire.io.AtomicFiles;
import dev.deepwire.limits.BoundedFiles;
import dev.deepwire.model.TrainingSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run folder's {@code run.json}, written as the run ends: the one writer for the workbench's runs and the command
 * line's, so a run trained with {@code deepwire train} is listed, compared and evaluated in the window's Runs… as one
 * trained there (it was not: the command line wrote no record).
 */
public final class RunRecord {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The most a run.json may hold; DeepWire writes a few hundred bytes (a slimmed or evaluated run a few KB). */
    public static final long RECORD_BYTES = 4L << 20;
    /** The field of a model kept from a trained run ({@link #writeKept}) naming that run and what could not be read of it. */
    public static final String KEPT_FROM = "keptFrom";

    private RunRecord() {
    }

    /**
     * Writes {@code run.json} for a run that ended: {@code projectFile} is the project's file as the run ends, and
     * {@code startedAs} the one it had as the run started, kept when the two differ (saved as another file while it
     * trained: the graph cannot be edited during a run, so the run belongs to both). {@code mrr}, where finite, is the
     * kept model's validation filtered MRR (a knowledge graph's run that selects on it), recorded as its evaluation.
     */
    public static void write(Path dir, String project, Path projectFile, Path startedAs, TrainingSettings s, String outcome,
                             long steps, double accuracy, double mrr) throws IOException {
        Map<String, Object> run = fields(project, projectFile, startedAs, s, outcome, steps, accuracy, mrr);
        AtomicFiles.write(dir.resolve("run.json"), JSON.writeValueAsString(run).getBytes(StandardCharsets.UTF_8));
    }

    /** The fields every run.json has, in order, as {@link #write} writes them (a sweep's record adds its own). */
    public static Map<String, Object> fields(String project, Path projectFile, Path startedAs, TrainingSettings s,
                                             String outcome, long steps, double accuracy, double mrr) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("project", project);
        run.put("projectFile", absolute(projectFile));
        if (startedAs != null && !absolute(startedAs).equals(absolute(projectFile))) {
            run.put("startedAs", absolute(startedAs));
        }
        run.put("outcome", outcome);
        run.put("steps", steps);
        run.put("validationAccuracy", Double.isFinite(accuracy) ? accuracy : null);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("epochs", s.epochs());
        settings.put("batchSize", s.batchSize());
        settings.put("optimizer", s.optimizer());
        settings.put("learningRate", s.learningRate());
        settings.put("seed", s.seed());
        settings.put("selectOn", s.selectOn());
        settings.put("validationSplit", s.validationSplit()); // 0: the dataset's own validation examples
        run.put("settings", settings);
        if (Double.isFinite(mrr)) {
            run.put("evaluation", Map.of("validation", Map.of("mrr", mrr)));
        }
        return run;
    }

    /** A file as run.json names it: absolute and normalised, "" for none. */
    public static String absolute(Path file) {
        return file == null ? "" : file.toAbsolutePath().normalize().toString();
    }

    /**
     * Writes {@code run.json} for a model kept from the trained run in {@code source} (heads removed in the attention
     * inspector, slimmed in the pruning lab): the one rule for a record written from an existing run. The project, its
     * file, the settings and the step count are the source run's, as its run.json records them — the model was trained
     * with those, whatever the project's settings are now (they had been the project's at the time of keeping, after
     * the user changed its epochs or learning rate, and the steps a false 0). Where the source's record cannot be read
     * (deleted, edited into nonsense, a run still paused that has none yet) the caller's {@code project},
     * {@code projectFile} and {@code settings} stand, the steps are unknown (null) and {@value #KEPT_FROM} says why.
     * {@code extra} fields are added (a slimmed copy's {@code slimmedFrom}, an evaluation); {@code stepsSince} are the
     * steps the copy trained after it was taken from the source (a slimmed copy's fine-tuning), added to the source's;
     * {@code modelSteps}, the kept model's own step count ({@link ModelCopy}), stands where the source's record gives
     * none (a paused run has no run.json yet) and is more than 0: it is never taken for a false 0.
     */
    public static void writeKept(Path dir, Path source, String project, Path projectFile, TrainingSettings settings,
                                 String outcome, double accuracy, double mrr, long stepsSince, long modelSteps,
                                 Map<String, Object> extra) throws IOException {
        Path file = projectFile;
        Path startedAs = null;
        TrainingSettings trained = settings;
        Long steps = null;
        String name = project;
        String problem = null;
        try {
            JsonNode from = read(source);
            name = from.path("project").isTextual() ? from.path("project").asText() : project;
            String recorded = from.path("projectFile").asText("");
            file = recorded.isEmpty() ? projectFile : Path.of(recorded);
            startedAs = from.hasNonNull("startedAs") ? Path.of(from.path("startedAs").asText()) : null;
            try {
                trained = settings(from, source.resolve("run.json"), settings);
            } catch (IOException e) {
                problem = e.getMessage() + "; the project's settings at the time were recorded instead";
            }
            long s = RecordFigures.steps(from);
            if (s < 0) {
                problem = String.join("; ", RecordFigures.doubts(from).stream().filter(d -> d.startsWith("steps"))
                        .toList()) + (problem == null ? "" : "; " + problem);
            } else {
                steps = s + Math.max(0, stepsSince);
            }
        } catch (IOException | RuntimeException e) {
            problem = source == null ? "the run the model came from is not known"
                    : !Files.exists(source.resolve("run.json"), LinkOption.NOFOLLOW_LINKS)
                    ? "it had no run.json when the model was kept: deleted, or a run not ended yet (paused) "
                    + "writes it as it ends" : e.getMessage();
        }
        if (steps == null && modelSteps > 0) {
            steps = modelSteps; // the model counts its own steps: the record's are unknown, the model's are not
        }
        Map<String, Object> run = fields(name, file, startedAs, trained, outcome, 0, accuracy, mrr);
        run.put("steps", steps);
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("run", source == null || source.getFileName() == null ? "" : source.getFileName().toString());
        if (problem != null) {
            kept.put("problem", problem);
        }
        run.put(KEPT_FROM, kept);
        run.putAll(extra);
        AtomicFiles.write(dir.resolve("run.json"), JSON.writeValueAsString(run).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The run.json of the run in {@code dir}, read only from an ordinary file of at most {@value #RECORD_BYTES} bytes:
     * a run folder from elsewhere (a downloaded project's runs/) may hold a pipe there, which had hung the window as
     * Runs… opened, or a file of gigabytes — nor through a link (the record is written back when the run is evaluated
     * or adopted, and must not land where a link points). The one way a run's record is read.
     */
    public static ObjectNode read(Path dir) throws IOException {
        Path file = dir.resolve("run.json");
        if (Files.isSymbolicLink(file)) {
            // DeepWire writes it as a file; evaluating or adopting the run writes it back, never through a link
            throw new IOException(file + " is a symbolic link, not a run's record");
        }
        JsonNode json;
        try (InputStream in = BoundedFiles.open(file, RECORD_BYTES, "run record")) {
            json = JSON.readTree(in);
        }
        if (!(json instanceof ObjectNode o)) { // empty, null, a list: it had been listed as a run of nothing, 0 steps
            throw new IOException(file + " is not a run's record (DeepWire writes one JSON object)");
        }
        return o;
    }

    /**
     * The settings a run trained with, as its record ({@code file}) holds them (those it does not hold — a run kept
     * before the validation split was — are {@code fallback}'s).
     *
     * @throws IOException where a recorded setting is one no run trains with (a batch of -5, an unknown optimizer):
     *                     the file was edited or damaged, and evaluating the run with it had said "needs about
     *                     8589934592.0 GB" or "unknown optimizer" without naming the file
     */
    public static TrainingSettings settings(JsonNode record, Path file, TrainingSettings fallback) throws IOException {
        JsonNode s = record.path("settings");
        TrainingSettings recorded = new TrainingSettings(s.path("epochs").asInt(fallback.epochs()),
                s.path("batchSize").asInt(fallback.batchSize()), s.path("optimizer").asText(fallback.optimizer()),
                s.path("learningRate").asDouble(fallback.learningRate()), s.path("seed").asLong(fallback.seed()),
                fallback.checkpointEvery(), fallback.earlyStoppingPatience(),
                s.path("validationSplit").asDouble(fallback.validationSplit()), s.path("selectOn").asText(fallback.selectOn()));
        List<String> problems = recorded.validate();
        if (!problems.isEmpty()) {
            throw new IOException(file + " records a setting no run trains with: " + problems.get(0)
                    .replaceFirst("^training\\.", "settings.") + " (the file was edited by hand or is damaged)");
        }
        return recorded;
    }
}
