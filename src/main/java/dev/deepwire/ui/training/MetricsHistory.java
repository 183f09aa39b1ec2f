package dev.deepwire.ui.training;

import dev.deepwire.training.MetricsCsv;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The points of one run's curves, appended on the UI thread in batches once per frame. */
public final class MetricsHistory {
    /** One point: the x value (step) and the y value. */
    public record Point(double step, double value) {
    }

    private final List<Point> trainLoss = new ArrayList<>();
    private final List<Point> validationLoss = new ArrayList<>();
    private final List<Point> validationAccuracy = new ArrayList<>();
    private final List<Point> validationMrr = new ArrayList<>();
    private final List<Point> learningRate = new ArrayList<>();
    private final List<Point> previousTrainLoss = new ArrayList<>();
    private final List<Point> previousValidationAccuracy = new ArrayList<>();
    private final List<Point> previousValidationMrr = new ArrayList<>();
    private int stepsPerEpoch = 1;

    public List<Point> trainLoss() {
        return trainLoss;
    }

    public List<Point> validationLoss() {
        return validationLoss;
    }

    public List<Point> validationAccuracy() {
        return validationAccuracy;
    }

    /** A knowledge graph's validation filtered MRR after each epoch (runs that select on it). */
    public List<Point> validationMrr() {
        return validationMrr;
    }

    /** The optimizer's learning rate, after the first step and after each epoch. */
    public List<Point> learningRate() {
        return learningRate;
    }

    /** The previous run's curves, kept for comparison when a new run starts. */
    public List<Point> previousTrainLoss() {
        return previousTrainLoss;
    }

    public List<Point> previousValidationAccuracy() {
        return previousValidationAccuracy;
    }

    public List<Point> previousValidationMrr() {
        return previousValidationMrr;
    }

    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    void setStepsPerEpoch(int steps) {
        stepsPerEpoch = Math.max(1, steps);
    }

    /** The most points a kept run's curve is drawn with, in the dock or in Compare: more than a chart has pixels across. */
    public static final int MOST_POINTS = 2_000;

    /**
     * A long curve as a chart draws it: every k-th point, its last kept, at most {@value #MOST_POINTS} (a short one as
     * it is). The one rule for the curves of a kept run ({@link RunHistory#curves}): a run of a million epoch rows had
     * kept the window white for a minute and a half while the dock's previous-run chart drew every point, and had
     * frozen Compare for good.
     */
    public static List<Point> thinned(List<Point> points) {
        if (points.size() <= MOST_POINTS) {
            return points;
        }
        int every = (points.size() + MOST_POINTS - 1) / MOST_POINTS;
        List<Point> shown = new ArrayList<>(MOST_POINTS + 1);
        for (int k = 0; k < points.size(); k++) {
            if (k % every == 0 || k == points.size() - 1) {
                shown.add(points.get(k));
            }
        }
        return shown;
    }

    /** These curves, each {@link #thinned}. */
    MetricsHistory thinned() {
        MetricsHistory h = new MetricsHistory();
        h.trainLoss.addAll(thinned(trainLoss));
        h.validationLoss.addAll(thinned(validationLoss));
        h.validationAccuracy.addAll(thinned(validationAccuracy));
        h.validationMrr.addAll(thinned(validationMrr));
        h.learningRate.addAll(thinned(learningRate));
        h.stepsPerEpoch = stepsPerEpoch;
        return h;
    }

    /** Exponential moving average of the training loss: {@code s = a·s + (1 − a)·x}. */
    public static List<Point> smoothed(List<Point> points, double a) {
        return new Smoother().of(points, a);
    }

    /**
     * The smoothed curve of a growing list, extended by the points added since the last call (an exponential
     * average needs only its last value), so a live chart appends instead of recomputing and redrawing the curve.
     * Starts over when the smoothing, the list, or its first point changes, or the list shrinks (a new run).
     */
    static final class Smoother {
        private final List<Point> out = new ArrayList<>();
        private List<Point> source;
        private Point first;
        private double a = Double.NaN;
        private double s = Double.NaN;

        List<Point> of(List<Point> points, double a) {
            if (points != source || a != this.a || points.size() < out.size()
                    || (!points.isEmpty() && points.get(0) != first)) {
                out.clear();
                s = Double.NaN;
                source = points;
                this.a = a;
                first = points.isEmpty() ? null : points.get(0);
            }
            for (int k = out.size(); k < points.size(); k++) {
                Point p = points.get(k);
                s = Double.isNaN(s) ? p.value() : a * s + (1 - a) * p.value();
                out.add(new Point(p.step(), s));
            }
            return out;
        }
    }

    /**
     * The curves in the layout of a run's {@code metrics.csv} ({@link MetricsCsv}): a training row per point, an
     * epoch row per validation, in step order (the training row first where both fall on a step).
     */
    public String toCsv() {
        TreeMap<Long, List<String>> rows = new TreeMap<>();
        for (Point p : trainLoss) {
            long step = Math.round(p.step());
            rows.computeIfAbsent(step, k -> new ArrayList<>()).add(0, MetricsCsv.trainingRow(step, epochOf(step), p.value()));
        }
        for (int i = 0; i < validationLoss.size(); i++) {
            long step = Math.round(validationLoss.get(i).step());
            double accuracy = i < validationAccuracy.size() ? validationAccuracy.get(i).value() : Double.NaN;
            rows.computeIfAbsent(step, k -> new ArrayList<>())
                    .add(MetricsCsv.epochRow(step, epochOf(step), Double.NaN, validationLoss.get(i).value(), accuracy));
        }
        for (Point p : validationMrr) { // after the epoch's row, as a run writes it
            long step = Math.round(p.step());
            rows.computeIfAbsent(step, k -> new ArrayList<>()).add(MetricsCsv.rankingRow(step, epochOf(step), p.value()));
        }
        StringBuilder b = new StringBuilder(MetricsCsv.HEADER).append('\n');
        rows.values().forEach(list -> list.forEach(r -> b.append(r).append('\n')));
        return b.toString();
    }

    /** What the dashed curves are called: "previous run", or the kept run Runs… ▸ Compare drew. */
    private String previousName = PREVIOUS;
    static final String PREVIOUS = "previous run";

    String previousName() {
        return previousName;
    }

    void previousName(String name) {
        previousName = name;
    }

    /** Forgets every curve, the previous run's too (another project is in the window). */
    void clearAll() {
        previousName = PREVIOUS;
        trainLoss.clear();
        validationLoss.clear();
        validationAccuracy.clear();
        validationMrr.clear();
        learningRate.clear();
        previousTrainLoss.clear();
        previousValidationAccuracy.clear();
        previousValidationMrr.clear();
    }

    private int epochOf(long step) {
        return (int) Math.ceil((double) step / stepsPerEpoch);
    }

    void clear() {
        if (!trainLoss.isEmpty()) {
            previousName = PREVIOUS;
            previousTrainLoss.clear();
            previousTrainLoss.addAll(trainLoss);
            previousValidationAccuracy.clear();
            previousValidationAccuracy.addAll(validationAccuracy);
            previousValidationMrr.clear();
            previousValidationMrr.addAll(validationMrr);
        }
        trainLoss.clear();
        validationLoss.clear();
        validationAccuracy.clear();
        validationMrr.clear();
        learningRate.clear();
    }
}
