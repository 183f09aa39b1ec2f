package dev.deepwire.training.eval;

import dev.deepwire.data.Dataset;
import dev.deepwire.data.TripleDataset;
import dev.deepwire.training.eval.EvaluationReport.Averages;
import dev.deepwire.training.eval.EvaluationReport.Binary;
import dev.deepwire.training.eval.EvaluationReport.ClassFigures;
import dev.deepwire.training.eval.EvaluationReport.CurvePoint;
import dev.deepwire.training.eval.EvaluationReport.Prediction;
import dev.deepwire.training.eval.EvaluationReport.Regression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.classification.ROC;
import org.nd4j.evaluation.curves.PrecisionRecallCurve;
import org.nd4j.evaluation.regression.RegressionEvaluation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scores a network's first output on a split with DL4J's evaluations: {@link Evaluation} for classes (per-step
 * outputs with their padding mask), {@link ROC} for yes/no outputs, {@link RegressionEvaluation} for regression.
 * Averages: macro is the plain mean over the classes present in the data or predicted, weighted the mean weighted
 * by support; a class never predicted has precision 0 (and F1 0), as a class never present has recall 0.
 */
public final class Evaluator {
    /** At most this many predictions are kept for listing examples (per-step outputs can have many). */
    static final int MAX_PREDICTIONS = 200_000;
    /** At most this many (predicted, actual) pairs are kept for the residual plot. */
    static final int MAX_RESIDUALS = 5_000;

    private Evaluator() {
    }

    /** Evaluates {@code net} on {@code data}, whose first output is a block of {@code outputType}. */
    public static EvaluationReport evaluate(ComputationGraph net, Dataset data, String outputType, String split) {
        return evaluate(net, data.batches(256, null), data.labelNames(), outputType, split);
    }

    /**
     * The same for a model of a knowledge graph ({@code kg}, may be null): a link output's report carries the filtered
     * ranking of the split's triples ({@link LinkRanking#ofSplit}), as {@code deepwire evaluate} and the window show it.
     */
    public static EvaluationReport evaluate(ComputationGraph net, Dataset data, TripleDataset kg, String outputType,
                                            String split) {
        EvaluationReport report = evaluate(net, data, outputType, split);
        if (!report.kind().equals(EvaluationReport.LINKS) || kg == null) {
            return report;
        }
        return new EvaluationReport(report.kind(), split, report.examples(), List.of(), List.of(), null, null, Double.NaN,
                new long[0][0], null, null, List.of(), LinkRanking.ofSplit(net, kg, split));
    }

    /** The same on prepared batches (in example order); {@code classNames} may be shorter than the class count. */
    public static EvaluationReport evaluate(ComputationGraph net, List<MultiDataSet> batches, List<String> classNames,
                                            String outputType, String split) {
        return switch (outputType) {
            case "regression_output" -> regression(net, batches, split);
            case "link_prediction_output", "link_ranking_output" -> new EvaluationReport(EvaluationReport.LINKS, split, count(batches), List.of(),
                    List.of(), null, null, Double.NaN, new long[0][0], null, null, List.of());
            default -> classes(net, batches, classNames, outputType, split);
        };
    }

    private static int count(List<MultiDataSet> batches) {
        return batches.stream().mapToInt(b -> (int) b.getFeatures(0).size(0)).sum();
    }

    private static INDArray output(ComputationGraph net, MultiDataSet b) {
        return net.output(false, b.getFeatures(), b.getFeaturesMaskArrays(), b.getLabelsMaskArrays())[0];
    }

    private static EvaluationReport classes(ComputationGraph net, List<MultiDataSet> batches, List<String> classNames,
                                            String outputType, String split) {
        boolean perStep = outputType.equals("sequence_softmax_output");
        Evaluation eval = null;
        ROC roc = null;
        List<Prediction> predictions = new ArrayList<>();
        int offset = 0;
        for (MultiDataSet b : batches) {
            INDArray out = output(net, b);
            INDArray labels = b.getLabels(0);
            INDArray mask = perStep ? ModelScore.stepMask(b, labels.argMax(1)) : null;
            if (eval == null) {
                int n = (int) Math.max(2, labels.size(1));
                eval = new Evaluation(names(classNames, n));
                roc = n == 2 ? new ROC(0) : null;
            }
            eval.eval(labels, out, mask);
            if (roc != null) {
                roc.eval(labels, out, mask);
            }
            keep(predictions, out, labels, mask, offset);
            offset += (int) b.getFeatures(0).size(0);
        }
        if (eval == null) {
            throw new IllegalArgumentException("the " + split + " split has no examples to evaluate");
        }
        int n = eval.getLabelsList().size();
        // Per-class totals from the true/false positive and negative counts, read once: DL4J's confusion matrix
        // sums a row or column per call, and once per class that was n² (100,000 classes: minutes).
        Map<Integer, Integer> tp = eval.truePositives();
        Map<Integer, Integer> fp = eval.falsePositives();
        Map<Integer, Integer> fn = eval.falseNegatives();
        List<ClassFigures> per = new ArrayList<>();
        List<ClassFigures> present = new ArrayList<>(); // in the data or predicted: a class in neither is left out
        for (int c = 0; c < n; c++) {
            long hits = tp.getOrDefault(c, 0);
            long support = hits + fn.getOrDefault(c, 0);
            long predicted = hits + fp.getOrDefault(c, 0);
            double precision = predicted == 0 ? 0 : (double) hits / predicted;
            double recall = support == 0 ? 0 : (double) hits / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            ClassFigures f = new ClassFigures(eval.getLabelsList().get(c), precision, recall, f1, support, predicted);
            per.add(f);
            if (f.present()) {
                present.add(f);
            }
        }
        // n² counts: kept only up to MAX_MATRIX_CLASSES classes (40,000 would be 12.8 GB); DL4J's own is sparse
        long[][] confusion = n <= EvaluationReport.MAX_MATRIX_CLASSES ? new long[n][n] : new long[0][0];
        for (int a = 0; a < confusion.length; a++) {
            for (int p = 0; p < n; p++) {
                confusion[a][p] = eval.getConfusionMatrix().getCount(a, p);
            }
        }
        Binary binary = roc == null ? null : binary(roc);
        return new EvaluationReport(EvaluationReport.CLASSES, split, offset, eval.getLabelsList(), per, macro(present),
                weighted(per), eval.accuracy(), confusion, binary, null, predictions);
    }

    /** The class names, padded with numbers for classes the data does not name. */
    private static List<String> names(List<String> known, int n) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            out.add(c < known.size() && known.get(c) != null && !known.get(c).isEmpty() ? known.get(c) : "class " + c);
        }
        if (out.stream().distinct().count() < n) { // Evaluation needs distinct names
            for (int c = 0; c < n; c++) {
                out.set(c, c + ": " + out.get(c));
            }
        }
        return out;
    }

    private static void keep(List<Prediction> into, INDArray out, INDArray labels, INDArray mask, int offset) {
        if (labels.size(1) == 1) { // one sigmoid: yes above 0.5
            double[] p = out.reshape(out.length()).toDoubleVector();
            double[] y = labels.reshape(labels.length()).toDoubleVector();
            for (int i = 0; i < p.length && into.size() < MAX_PREDICTIONS; i++) {
                int predicted = p[i] > 0.5 ? 1 : 0;
                into.add(new Prediction(offset + i, -1, y[i] > 0.5 ? 1 : 0, predicted, predicted == 1 ? p[i] : 1 - p[i]));
            }
            return;
        }
        if (out.rank() == 2) {
            int[] predicted = out.argMax(1).toIntVector();
            int[] actual = labels.argMax(1).toIntVector();
            double[] confidence = out.max(1).toDoubleVector();
            for (int i = 0; i < predicted.length && into.size() < MAX_PREDICTIONS; i++) {
                into.add(new Prediction(offset + i, -1, actual[i], predicted[i], confidence[i]));
            }
            return;
        }
        int[][] predicted = out.argMax(1).toIntMatrix();
        int[][] actual = labels.argMax(1).toIntMatrix();
        double[][] confidence = out.max(1).toDoubleMatrix();
        double[][] counted = mask.castTo(DataType.DOUBLE).reshape(predicted.length, predicted[0].length).toDoubleMatrix();
        for (int i = 0; i < predicted.length; i++) {
            for (int t = 0; t < predicted[i].length && into.size() < MAX_PREDICTIONS; t++) {
                if (counted[i][t] > 0) {
                    into.add(new Prediction(offset + i, t, actual[i][t], predicted[i][t], confidence[i][t]));
                }
            }
        }
    }

    private static Binary binary(ROC roc) {
        PrecisionRecallCurve curve = roc.getPrecisionRecallCurve();
        List<CurvePoint> points = new ArrayList<>();
        for (int i = 0; i < curve.numPoints(); i++) {
            points.add(new CurvePoint(curve.getThreshold(i), curve.getPrecision(i), curve.getRecall(i)));
        }
        return new Binary(roc.calculateAUC(), roc.calculateAUCPR(), points);
    }

    static Averages macro(List<ClassFigures> per) {
        return new Averages(per.stream().mapToDouble(ClassFigures::precision).average().orElse(Double.NaN),
                per.stream().mapToDouble(ClassFigures::recall).average().orElse(Double.NaN),
                per.stream().mapToDouble(ClassFigures::f1).average().orElse(Double.NaN));
    }

    static Averages weighted(List<ClassFigures> per) {
        double total = per.stream().mapToLong(ClassFigures::support).sum();
        if (total == 0) {
            return new Averages(Double.NaN, Double.NaN, Double.NaN);
        }
        double p = 0;
        double r = 0;
        double f = 0;
        for (ClassFigures c : per) {
            p += c.precision() * c.support() / total;
            r += c.recall() * c.support() / total;
            f += c.f1() * c.support() / total;
        }
        return new Averages(p, r, f);
    }

    private static EvaluationReport regression(ComputationGraph net, List<MultiDataSet> batches, String split) {
        RegressionEvaluation eval = new RegressionEvaluation();
        List<double[]> residuals = new ArrayList<>();
        int n = 0;
        for (MultiDataSet b : batches) {
            INDArray out = output(net, b);
            INDArray labels = b.getLabels(0);
            eval.eval(labels, out);
            n += (int) b.getFeatures(0).size(0);
            double[] p = out.getColumn(0).toDoubleVector();
            double[] y = labels.getColumn(0).toDoubleVector();
            for (int i = 0; i < p.length && residuals.size() < MAX_RESIDUALS; i++) {
                residuals.add(new double[] {p[i], y[i]});
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("the " + split + " split has no examples to evaluate");
        }
        return new EvaluationReport(EvaluationReport.REGRESSION, split, n, List.of(), List.of(), null, null, Double.NaN,
                new long[0][0], null, new Regression(eval.averageMeanAbsoluteError(), eval.averagerootMeanSquaredError(),
                residuals), List.of());
    }
}
