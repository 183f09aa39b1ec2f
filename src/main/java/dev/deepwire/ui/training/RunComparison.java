package dev.deepwire.ui.training;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deepwire.training.MetricsCsv;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the Runs… comparison table decides: each kept run's settings (a sweep's varied settings, else its training
 * settings), status and figures read from its run.json and metrics.csv, and the order — best first by the chosen
 * figure, runs without it last.
 */
public final class RunComparison {

    /** A figure runs can be ranked on; {@code higherIsBetter} for accuracies. */
    public enum Metric {
        BEST_VALIDATION_LOSS("best validation loss", false),
        BEST_VALIDATION_ACCURACY("best validation accuracy", true),
        FINAL_VALIDATION_LOSS("final validation loss", false),
        FINAL_VALIDATION_ACCURACY("final validation accuracy", true);

        private final String label;
        private final boolean higherIsBetter;

        Metric(String label, boolean higherIsBetter) {
            this.label = label;
            this.higherIsBetter = higherIsBetter;
        }

        public boolean higherIsBetter() {
            return higherIsBetter;
        }

        /** Whether its curve is the validation accuracy (else the validation loss). */
        public boolean accuracy() {
            return higherIsBetter;
        }

        @Override
        public String toString() {
            return label;
        }

        /** The project's selection figure: accuracy when it selects on accuracy, else the loss. */
        public static Metric forSelection(String selectOn) {
            return "accuracy".equals(selectOn) ? BEST_VALIDATION_ACCURACY : BEST_VALIDATION_LOSS;
        }
    }

    /** One run in the table. */
    public record Row(RunHistory.Run run, String name, String settings, String status, double bestLoss,
                      double bestAccuracy, double finalLoss, double finalAccuracy) {
        public double value(Metric m) {
            return switch (m) {
                case BEST_VALIDATION_LOSS -> bestLoss;
                case BEST_VALIDATION_ACCURACY -> bestAccuracy;
                case FINAL_VALIDATION_LOSS -> finalLoss;
                case FINAL_VALIDATION_ACCURACY -> finalAccuracy;
            };
        }

        /** The figure as shown: four decimals, or a dash when the run has none. */
        public String shown(Metric m) {
            double v = value(m);
            return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "—";
        }
    }

    private RunComparison() {
    }

    /** Reads each run's figures; a run whose metrics.csv cannot be read has none (it is listed, last). */
    public static List<Row> rows(List<RunHistory.Run> runs) {
        List<Row> rows = new ArrayList<>();
        for (RunHistory.Run r : runs) {
            String settings = r.settings();
            String status = r.outcome().isEmpty() ? "" : r.outcome().split(":", 2)[0].strip().toUpperCase(Locale.ROOT);
            try {
                JsonNode j = RunHistory.record(r.dir());
                if (j.path("swept").isObject() && !j.path("swept").isEmpty()) {
                    List<String> parts = new ArrayList<>();
                    j.path("swept").fields().forEachRemaining(e -> parts.add(e.getKey() + "=" + e.getValue().asText()));
                    settings = String.join(", ", parts);
                }
                if (j.path("status").isTextual()) {
                    status = j.path("status").asText();
                }
            } catch (IOException e) {
                // listed by RunHistory a moment ago: keep what it read
            }
            double bestLoss = Double.NaN;
            double bestAccuracy = Double.NaN;
            double finalLoss = Double.NaN;
            double finalAccuracy = Double.NaN;
            try {
                for (MetricsCsv.Row m : MetricsCsv.read(r.dir().resolve("metrics.csv"))) {
                    if (m.epochEnd()) {
                        finalLoss = m.validationLoss();
                        finalAccuracy = m.validationAccuracy();
                        bestLoss = better(bestLoss, finalLoss, false);
                        bestAccuracy = better(bestAccuracy, finalAccuracy, true);
                    }
                }
            } catch (IOException e) {
                // no curves: the run has no figures
            }
            rows.add(new Row(r, r.dir().getFileName().toString(), settings, status, bestLoss, bestAccuracy, finalLoss,
                    finalAccuracy));
        }
        return rows;
    }

    private static double better(double best, double v, boolean higher) {
        if (!Double.isFinite(v)) {
            return best;
        }
        return Double.isNaN(best) || (higher ? v > best : v < best) ? v : best;
    }

    /** The rows best first by {@code metric}; those without it keep their order, after the others. */
    public static List<Row> sorted(List<Row> rows, Metric metric) {
        Comparator<Double> order = metric.higherIsBetter() ? Comparator.reverseOrder() : Comparator.naturalOrder();
        List<Row> measured = new ArrayList<>(rows.stream().filter(r -> Double.isFinite(r.value(metric))).toList());
        measured.sort(Comparator.comparing(r -> r.value(metric), order));
        rows.stream().filter(r -> !Double.isFinite(r.value(metric))).forEach(measured::add);
        return measured;
    }
}
