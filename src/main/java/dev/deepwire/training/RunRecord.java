package dev.deepwire.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.deepwire.io.AtomicFiles;
import dev.deepwire.model.TrainingSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run folder's {@code run.json}, written as the run ends: the one writer for the workbench's runs and the command
 * line's, so a run trained with {@code deepwire train} is listed, compared and evaluated in the window's Runs… as one
 * trained there (it was not: the command line wrote no record).
 */
public final class RunRecord {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
}
