package dev.deepwire.training.eval;

import dev.deepwire.io.CsvText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * How a trained network does on one split, class by class: precision, recall, F1 and support per class, their macro
 * and weighted averages and the confusion matrix (rows: true class, columns: predicted); for a yes/no output also
 * ROC-AUC and the precision/recall curve; for regression MAE, RMSE and the residuals. Each prediction is kept so a
 * confusion-matrix cell can list its examples. Computed by {@link Evaluator}.
 */
public record EvaluationReport(String kind, String split, int examples, List<String> classes, List<ClassFigures> perClass,
                               Averages macro, Averages weighted, double accuracy, long[][] confusion,
                               Binary binary, Regression regression, List<Prediction> predictions, LinkRanking ranking) {

    /** A report without ranking figures (classification, regression, or a link output with no triples to rank). */
    public EvaluationReport(String kind, String split, int examples, List<String> classes, List<ClassFigures> perClass,
                            Averages macro, Averages weighted, double accuracy, long[][] confusion, Binary binary,
                            Regression regression, List<Prediction> predictions) {
        this(kind, split, examples, classes, perClass, macro, weighted, accuracy, confusion, binary, regression,
                predictions, null);
    }

    /** Classification, regression, or link prediction (its ranking figures in {@code ranking}, from {@link LinkRanking}). */
    public static final String CLASSES = "classification";
    public static final String REGRESSION = "regression";
    public static final String LINKS = "link-prediction";
    /** Up to this many classes the confusion matrix goes into run.json. */
    public static final int MAX_JSON_CLASSES = 200;
    /** Up to this many classes the text report lists each one (the CSV always does). */
    public static final int MAX_LISTED_CLASSES = 100;
    /** Up to this many classes the confusion matrix is kept at all (n² counts); above it {@code confusion} is empty. */
    public static final int MAX_MATRIX_CLASSES = 1_000;

    /** Whether the confusion matrix was kept (classification with at most {@link #MAX_MATRIX_CLASSES} classes). */
    public boolean hasMatrix() {
        return !classes.isEmpty() && confusion.length == classes.size();
    }

    /** One class's figures; {@code support} is how many examples (or positions) truly belong to it. */
    /**
     * One class's figures; {@code predicted} is how often the model chose it. A class with no support and never
     * predicted (a padding or marker token) has no figures of its own: its zeros are placeholders.
     */
    public record ClassFigures(String name, double precision, double recall, double f1, long support, long predicted) {
        /** Whether the class is in the split or was predicted: otherwise its figures say nothing. */
        public boolean present() {
            return support > 0 || predicted > 0;
        }
    }

    public record Averages(double precision, double recall, double f1) {
    }

    /** One point of the precision/recall curve at a threshold. */
    public record CurvePoint(double threshold, double precision, double recall) {
    }

    /** Yes/no figures: the area under the ROC curve and under the precision/recall curve, and that curve. */
    public record Binary(double rocAuc, double prAuc, List<CurvePoint> prCurve) {
    }

    /** A regression output's errors (averaged over its columns) and some (predicted, actual) pairs for a residual plot. */
    public record Regression(double mae, double rmse, List<double[]> residuals) {
    }

    /**
     * One prediction: example index in the split (and position, -1 for a whole-example output), the true and the
     * predicted class, and the probability the network gave its prediction.
     */
    public record Prediction(int example, int step, int actual, int predicted, double confidence) {
        public boolean correct() {
            return actual == predicted;
        }
    }

    /** The predictions in one cell of the confusion matrix, surest first. */
    public List<Prediction> cell(int actual, int predicted) {
        return predictions.stream().filter(p -> p.actual() == actual && p.predicted() == predicted)
                .sorted(Comparator.comparingDouble(Prediction::confidence).reversed()).toList();
    }

    /** The {@code n} classes (with support) of lowest recall, lowest first. */
    public List<ClassFigures> lowestRecall(int n) {
        return perClass.stream().filter(c -> c.support() > 0)
                .sorted(Comparator.comparingDouble(ClassFigures::recall)).limit(n).toList();
    }

    /** One line naming the classes of lowest recall, e.g. "Lowest recall: english 61.0 %, french 72.3 %". */
    public String lowestRecallLine(int n) {
        List<ClassFigures> low = lowestRecall(n);
        if (low.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (ClassFigures c : low) {
            parts.add(String.format(Locale.ROOT, "%s %.1f %%", c.name(), 100 * c.recall()));
        }
        return "Lowest recall: " + String.join(", ", parts);
    }

    /** The pair of different classes most often confused (true, predicted), or null when none is. */
    public int[] mostConfused() {
        int[] best = null;
        long most = 0;
        for (int a = 0; a < confusion.length; a++) {
            for (int p = 0; p < confusion.length; p++) {
                if (a != p && confusion[a][p] > most) {
                    most = confusion[a][p];
                    best = new int[] {a, p};
                }
            }
        }
        return best;
    }

    /** What was evaluated: "validation split, 2,000 examples" (positions, for a sequence's every step). */
    public String heading() {
        return String.format(Locale.ROOT, "%s split, %,d %s", split, examples,
                kind.equals(CLASSES) && !predictions.isEmpty() && predictions.get(0).step() >= 0 ? "positions" : "examples");
    }

    /** A short text report: the summary, the per-class table and the confusion matrix (classification). */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        String head = heading();
        switch (kind) {
            case REGRESSION -> out.add(String.format(Locale.ROOT, "%s: MAE %.4f, RMSE %.4f", head, regression.mae(), regression.rmse()));
            case LINKS -> {
                if (ranking == null) {
                    out.add(head + ": no triples of this split to rank (filtered MRR and Hits@k need the knowledge graph's "
                            + split + " triples)");
                } else {
                    out.addAll(ranking.summaryLines(split));
                    out.add("per relation (" + split + "):");
                    out.addAll(ranking.relationLines());
                }
            }
            default -> {
                out.add(String.format(Locale.ROOT, "%s: accuracy %.4f, macro F1 %.4f, weighted F1 %.4f", head, accuracy,
                        macro.f1(), weighted.f1()));
                int width = Math.max(8, classes.stream().limit(MAX_LISTED_CLASSES + 1L).mapToInt(String::length).max()
                        .orElse(5));
                out.add(String.format(Locale.ROOT, "%-" + width + "s  precision  recall      F1  support", "class"));
                if (perClass.size() <= MAX_LISTED_CLASSES) {
                    for (ClassFigures c : perClass) {
                        out.add(String.format(Locale.ROOT, "%-" + width + "s  %9.4f  %6.4f  %6.4f  %7d", c.name(),
                                c.precision(), c.recall(), c.f1(), c.support()));
                    }
                } else {
                    out.add(String.format(Locale.ROOT, "(%,d classes: each one's figures are in the CSV, --csv)",
                            perClass.size()));
                }
                out.add(String.format(Locale.ROOT, "%-" + width + "s  %9.4f  %6.4f  %6.4f", "macro", macro.precision(),
                        macro.recall(), macro.f1()));
                out.add(String.format(Locale.ROOT, "%-" + width + "s  %9.4f  %6.4f  %6.4f", "weighted", weighted.precision(),
                        weighted.recall(), weighted.f1()));
                if (binary != null) {
                    out.add(String.format(Locale.ROOT, "ROC-AUC %.4f, area under the precision/recall curve %.4f",
                            binary.rocAuc(), binary.prAuc()));
                }
                if (classes.size() <= 40 && hasMatrix()) {
                    out.add("confusion matrix (rows: true class, columns: predicted):");
                    out.add(String.format(Locale.ROOT, "%-" + width + "s ", "") + String.join(" ",
                            classes.stream().map(c -> String.format(Locale.ROOT, "%7s", abbreviate(c, 7))).toList()));
                    for (int a = 0; a < classes.size(); a++) {
                        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s ", classes.get(a)));
                        for (int p = 0; p < classes.size(); p++) {
                            row.append(String.format(Locale.ROOT, "%7d ", confusion[a][p]));
                        }
                        out.add(row.toString().stripTrailing());
                    }
                }
                String low = lowestRecallLine(3);
                if (!low.isEmpty()) {
                    out.add(low);
                }
            }
        }
        return out;
    }

    private static String abbreviate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    /** The per-class table and confusion matrix as CSV (regression: the summary and the residuals; links: the ranking). */
    public String csv() {
        StringBuilder b = new StringBuilder();
        if (kind.equals(LINKS)) {
            return ranking == null ? "metric,value\n" : ranking.csv();
        }
        if (kind.equals(REGRESSION)) {
            b.append("metric,value\n").append(String.format(Locale.ROOT, "mae,%.6f%nrmse,%.6f%n", regression.mae(), regression.rmse()));
            b.append("\npredicted,actual,residual\n");
            for (double[] r : regression.residuals()) {
                b.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f%n", r[0], r[1], r[1] - r[0]));
            }
            return b.toString();
        }
        b.append("class,precision,recall,f1,support\n");
        for (ClassFigures c : perClass) {
            b.append(String.format(Locale.ROOT, "%s,%.6f,%.6f,%.6f,%d%n", CsvText.cell(c.name()), c.precision(), c.recall(), c.f1(), c.support()));
        }
        if (macro != null) {
            b.append(String.format(Locale.ROOT, "macro,%.6f,%.6f,%.6f,%n", macro.precision(), macro.recall(), macro.f1()));
            b.append(String.format(Locale.ROOT, "weighted,%.6f,%.6f,%.6f,%n", weighted.precision(), weighted.recall(), weighted.f1()));
        }
        if (!hasMatrix()) {
            return b.append('\n').append(CsvText.cell(String.format(Locale.ROOT, "confusion matrix not kept: %d classes, over %d",
                    classes.size(), MAX_MATRIX_CLASSES))).append('\n').toString();
        }
        b.append("\ntrue \\ predicted");
        classes.forEach(c -> b.append(',').append(CsvText.cell(c)));
        b.append('\n');
        for (int a = 0; a < classes.size(); a++) {
            b.append(CsvText.cell(classes.get(a)));
            for (int p = 0; p < classes.size(); p++) {
                b.append(',').append(confusion[a][p]);
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** The report as plain maps and lists, for {@code run.json} (no per-example predictions; curves thinned). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("split", split);
        m.put("examples", examples);
        if (kind.equals(REGRESSION)) {
            m.put("mae", finite(regression.mae()));
            m.put("rmse", finite(regression.rmse()));
            m.put("residuals", regression.residuals().stream().limit(200).toList());
            return m;
        }
        if (kind.equals(LINKS)) {
            if (ranking != null) {
                m.putAll(ranking.toJson());
            }
            return m;
        }
        m.put("accuracy", finite(accuracy));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ClassFigures c : perClass) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("class", c.name());
            r.put("precision", finite(c.precision()));
            r.put("recall", finite(c.recall()));
            r.put("f1", finite(c.f1()));
            r.put("support", c.support());
            rows.add(r);
        }
        m.put("perClass", rows);
        m.put("macro", averages(macro));
        m.put("weighted", averages(weighted));
        if (classes.size() <= MAX_JSON_CLASSES && hasMatrix()) { // n² numbers: left out for very many classes
            m.put("confusionMatrix", confusion);
        }
        if (binary != null) {
            m.put("rocAuc", finite(binary.rocAuc()));
            m.put("prAuc", finite(binary.prAuc()));
            int step = Math.max(1, binary.prCurve().size() / 100);
            m.put("precisionRecallCurve", IntStream.range(0, binary.prCurve().size()).filter(i -> i % step == 0)
                    .mapToObj(i -> binary.prCurve().get(i))
                    .map(p -> List.of(p.threshold(), p.precision(), p.recall())).toList());
        }
        return m;
    }

    private static Map<String, Object> averages(Averages a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("precision", finite(a.precision()));
        m.put("recall", finite(a.recall()));
        m.put("f1", finite(a.f1()));
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
