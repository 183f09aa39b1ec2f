package dev.deepwire.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.training.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sweep run's {@code run.json}: what the workbench's Runs… reads of every run (project, file, outcome, steps,
 * validation accuracy, settings), plus the swept settings with the seed, the status (FINISHED or FAILED) with its
 * reason, and the final metrics, among them the project's selection figure.
 *
 * @param selection        what the run is ranked on: "validation loss", "validation accuracy" or "validation filtered MRR"
 * @param selectionValue   that figure at the run's best epoch (NaN when no epoch was measured)
 */
public record SweepRunRecord(String project, String projectFile, boolean finished, String reason, long steps,
                             double validationLoss, double validationAccuracy, String selection, double selectionValue,
                             TrainingSettings training, Map<String, String> swept) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Whether a higher figure of this kind is better (accuracy, MRR) or a lower one (loss). */
    public static boolean higherIsBetter(String selection) {
        return !selection.endsWith("loss");
    }

    /** The figure a project's runs are ranked on, by its {@code selectOn}. */
    public static String selectionFor(TrainingSettings s) {
        return switch (s.selectOn()) {
            case "accuracy" -> "validation accuracy";
            case "mrr" -> "validation filtered MRR";
            default -> "validation loss";
        };
    }

    public byte[] toJson() {
        // the fields every run.json has (RunRecord), so Runs… lists a sweep's run as any other, its MRR included
        Map<String, Object> run = RunRecord.fields(project, projectFile == null || projectFile.isEmpty() ? null
                : java.nio.file.Path.of(projectFile), null, training, finished ? "finished" : "failed: " + reason, steps,
                validationAccuracy, selection.equals("validation filtered MRR") ? selectionValue : Double.NaN);
        run.put("projectFile", projectFile); // as the sweep names it (its executors' working folders differ)
        run.put("status", finished ? "FINISHED" : "FAILED");
        run.put("reason", reason);
        run.put("swept", ordered(swept));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("validationLoss", finite(validationLoss));
        metrics.put("validationAccuracy", finite(validationAccuracy));
        metrics.put("selection", selection);
        metrics.put("selectionValue", finite(selectionValue));
        run.put("metrics", metrics);
        try {
            return JSON.writeValueAsString(run).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The swept settings in a fixed, readable order (a task's map has none): training settings, then block
     * parameters, each by name, the seed last.
     */
    static Map<String, String> ordered(Map<String, String> swept) {
        Map<String, String> sorted = new java.util.TreeMap<>(java.util.Comparator
                .comparing((String k) -> k.equals(SweepPlan.SEED) ? 2 : k.startsWith("training.") ? 0 : 1)
                .thenComparing(java.util.Comparator.naturalOrder()));
        sorted.putAll(swept);
        return new LinkedHashMap<>(sorted);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
