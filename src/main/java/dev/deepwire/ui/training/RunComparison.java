package dev.deepwire.ui.training;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deepwire.training.MetricsCsv;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the Runs… comparison table decides: each kept run's settings (what sets it apart from the others compared,
 * {@link RunDifferences}, then a sweep's varied settings, else its training settings), status and figures read from
 * its run.json and metrics.csv, and the order — best first by the chosen
 * figure, runs without it last.
 */
public final class RunComparison {

    /**
     * A figure runs can be ranked on; {@code higherIsBetter} for accuracies and ranking figures. The ranking figures
     * (a knowledge graph's filtered MRR, Hits@10) are the kept model's, measured once as the run ended.
     */
    public enum Metric {
        BEST_VALIDATION_LOSS("best validation loss", false, false),
        BEST_VALIDATION_ACCURACY("best validation accuracy", true, false),
        FINAL_VALIDATION_LOSS("final validation loss", false, false),
        FINAL_VALIDATION_ACCURACY("final validation accuracy", true, false),
        VALIDATION_MRR("validation filtered MRR", true, true),
        VALIDATION_HITS10("validation Hits@10", true, true),
        TEST_MRR("test filtered MRR", true, true);

        private final String label;
        private final boolean higherIsBetter;
        private final boolean ranking;

        Metric(String label, boolean higherIsBetter, boolean ranking) {
            this.label = label;
            this.higherIsBetter = higherIsBetter;
            this.ranking = ranking;
        }

        /** Whether it is a link-prediction figure of the kept model (no curve of its own: measured once). */
        public boolean ranking() {
            return ranking;
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

        /** The project's selection figure: accuracy or filtered MRR when it selects on them, else the loss. */
        public static Metric forSelection(String selectOn) {
            return "accuracy".equals(selectOn) ? BEST_VALIDATION_ACCURACY : "mrr".equals(selectOn) ? VALIDATION_MRR
                    : BEST_VALIDATION_LOSS;
        }
    }

    /** One run in the table; {@code metricsProblem}: why its metrics.csv cannot be read ("" when it can). */
    public record Row(RunHistory.Run run, String name, String settings, String status, double bestLoss,
                      double bestAccuracy, double finalLoss, double finalAccuracy, double validationMrr,
                      double validationHits10, double testMrr, String metricsProblem) {
        public double value(Metric m) {
            return switch (m) {
                case BEST_VALIDATION_LOSS -> bestLoss;
                case BEST_VALIDATION_ACCURACY -> bestAccuracy;
                case FINAL_VALIDATION_LOSS -> finalLoss;
                case FINAL_VALIDATION_ACCURACY -> finalAccuracy;
                case VALIDATION_MRR -> validationMrr;
                case VALIDATION_HITS10 -> validationHits10;
                case TEST_MRR -> testMrr;
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
        java.util.Map<java.nio.file.Path, String> apart = RunDifferences.of(runs);
        for (RunHistory.Run r : runs) {
            String settings = r.settings();
            String status = r.outcome().isEmpty() ? "" : r.outcome().split(":", 2)[0].strip().toUpperCase(Locale.ROOT);
            double validationMrr = Double.NaN;
            double validationHits10 = Double.NaN;
            double testMrr = Double.NaN;
            try {
                JsonNode j = RunHistory.record(r.dir());
                if (j.path("swept").isObject() && !j.path("swept").isEmpty()) {
                    List<String> parts = new ArrayList<>();
                    j.path("swept").fields().forEachRemaining(e -> parts.add(e.getKey() + "=" + e.getValue().asText()));
                    settings = RunHistory.shown(String.join(", ", parts));
                }
                if (j.path("status").isTextual()) {
                    status = RunHistory.shown(j.path("status").asText());
                } else if (j.path(dev.deepwire.training.RunRecord.KEPT_FROM).isObject() && !r.outcome().contains(":")) {
                    status = "KEPT"; // heads removed in the inspector: its outcome, in capitals, had been the status
                }
                validationMrr = RunHistory.ranking(j, "validation", "mrr");
                validationHits10 = RunHistory.ranking(j, "validation", "hits10");
                testMrr = RunHistory.ranking(j, "test", "mrr");
            } catch (IOException e) {
                // listed by RunHistory a moment ago: keep what it read
            }
            double bestLoss = Double.NaN;
            double bestAccuracy = Double.NaN;
            double finalLoss = Double.NaN;
            double finalAccuracy = Double.NaN;
            String metricsProblem = "";
            try {
                for (MetricsCsv.Row m : MetricsCsv.read(r.dir().resolve("metrics.csv"))) {
                    if (m.epochEnd()) {
                        finalLoss = m.validationLoss();
                        finalAccuracy = m.validationAccuracy();
                        bestLoss = better(bestLoss, finalLoss, false);
                        bestAccuracy = better(bestAccuracy, finalAccuracy, true);
                    }
                }
            } catch (IOException e) { // no curves: the run has no figures, and its row says why
                metricsProblem = String.valueOf(e.getMessage()).replace(r.dir().resolve("metrics.csv").toString(), "metrics.csv");
            }
            String differs = apart.getOrDefault(r.dir(), "");
            if (!differs.isEmpty()) { // what sets it apart first, where the column's width shows it
                settings = differs + " · " + settings;
            }
            rows.add(new Row(r, r.dir().getFileName().toString(), settings, status, bestLoss, bestAccuracy, finalLoss,
                    finalAccuracy, validationMrr, validationHits10, testMrr, metricsProblem));
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
