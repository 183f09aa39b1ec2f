package dev.deepwire.ui.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.deepwire.io.AtomicFiles;
import dev.deepwire.model.TrainingSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The runs kept in a runs folder: each run folder holds {@code run.json} (settings and result),
 * {@code metrics.csv} and {@code model.zip}. Runs can be listed, compared (their curves loaded) and deleted.
 */
public final class RunHistory {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One kept run. */
    public record Run(Path dir, String project, String outcome, long steps, double validationAccuracy, String settings) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s  ·  %s  ·  %,d steps  ·  accuracy %.1f %%  ·  %s",
                    dir.getFileName(), outcome, steps, 100 * validationAccuracy, settings);
        }
    }

    private RunHistory() {
    }

    private static long created(Path dir) {
        try {
            return Files.readAttributes(dir, java.nio.file.attribute.BasicFileAttributes.class).creationTime().toMillis() * 1000
                    + dir.getFileName().toString().length();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Writes {@code run.json} for a run that ended. */
    static void record(Path dir, String project, TrainingSettings s, String outcome, long steps, double accuracy)
            throws IOException {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("project", project);
        run.put("outcome", outcome);
        run.put("steps", steps);
        run.put("validationAccuracy", Double.isFinite(accuracy) ? accuracy : null);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("epochs", s.epochs());
        settings.put("batchSize", s.batchSize());
        settings.put("optimizer", s.optimizer());
        settings.put("learningRate", s.learningRate());
        settings.put("seed", s.seed());
        run.put("settings", settings);
        AtomicFiles.write(dir.resolve("run.json"), JSON.writeValueAsString(run).getBytes(StandardCharsets.UTF_8));
    }

    /** The runs in a folder, newest first; folders without a readable run.json are left out. */
    public static List<Run> list(Path runsFolder) {
        List<Run> runs = new ArrayList<>();
        if (!Files.isDirectory(runsFolder)) {
            return runs;
        }
        try (Stream<Path> dirs = Files.list(runsFolder)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted(Comparator.comparingLong(RunHistory::created).reversed()).toList()) {
                try {
                    JsonNode j = JSON.readTree(d.resolve("run.json").toFile());
                    JsonNode s = j.path("settings");
                    runs.add(new Run(d, j.path("project").asText(), j.path("outcome").asText(), j.path("steps").asLong(),
                            j.path("validationAccuracy").asDouble(Double.NaN),
                            s.path("optimizer").asText() + " " + s.path("learningRate").asText() + ", batch "
                                    + s.path("batchSize").asText() + ", seed " + s.path("seed").asText()));
                } catch (IOException e) {
                    // Not a finished run (or not DeepWire's): skip it.
                }
            }
        } catch (IOException e) {
            return runs;
        }
        return runs;
    }

    /** A kept run's curves, read from its metrics.csv. */
    public static MetricsHistory curves(Run run) throws IOException {
        MetricsHistory h = new MetricsHistory();
        Path file = run.dir().resolve("metrics.csv");
        List<String> lines = new java.util.ArrayList<>();
        try (var in = dev.deepwire.limits.BoundedFiles.lines(dev.deepwire.limits.BoundedFiles.open(file,
                dev.deepwire.limits.Limits.DATA_FILE_BYTES, "metrics file"), file, dev.deepwire.limits.Limits.LINE_CHARS)) {
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                lines.add(l);
            }
        }
        if (lines.isEmpty()) {
            return h;
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            if (c.length < 5) {
                continue;
            }
            double step = Double.parseDouble(c[0]);
            if (!c[2].isEmpty() && c[3].isEmpty()) {
                h.trainLoss().add(new MetricsHistory.Point(step, Double.parseDouble(c[2])));
            }
            if (!c[4].isEmpty()) {
                h.validationLoss().add(new MetricsHistory.Point(step, Double.parseDouble(c[3])));
                h.validationAccuracy().add(new MetricsHistory.Point(step, Double.parseDouble(c[4])));
            }
        }
        return h;
    }

    /** Deletes a run folder and everything in it. */
    public static void delete(Run run) throws IOException {
        try (Stream<Path> files = Files.walk(run.dir())) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
