package dev.deepwire.ui.inspect;

import dev.deepwire.data.Dataset;
import dev.deepwire.inspect.Ablation;
import dev.deepwire.inspect.AttentionRecorder.Snapshot;
import dev.deepwire.inspect.Experiment;
import dev.deepwire.inspect.Intervention;
import dev.deepwire.inspect.TrainedModel;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The inspector's interventions apart from their controls (testable without a screen): which heads of the shown
 * block are switched off and how, which query rows are pinned, the maps as the intervened block computes them,
 * and the figures in words. The trained model is reached only through an {@link Experiment} (a copy).
 */
final class InterventionModel {
    /** The unchanged and the intervened figures for the shown example (accuracy NaN: not measured). */
    record Figures(Experiment.Prediction before, Experiment.Prediction after, double accuracyBefore, double accuracyAfter) {
    }

    private Object network;
    private long trainedSteps;
    private Dataset validation;
    private Experiment experiment;
    private Dataset examples;
    private Intervention intervention = Intervention.none("");

    /**
     * Aims at a block of a model shown on some examples. Another network or block starts afresh (nothing switched
     * off, nothing pinned) and returns true; the same network trained further (a run paused again) is measured
     * anew with the same heads off; other examples (typed text, say) keep the heads off but not the pins. A run's
     * model at rest comes in a new {@link TrainedModel} each time: the network inside is what counts.
     */
    boolean aim(TrainedModel m, Dataset val, String node, Dataset shown) {
        Object net = m == null ? null : m.network();
        long steps = m == null ? -1 : m.trainedSteps();
        boolean fresh = net != network || val != validation || !node.equals(intervention.node());
        if (net != network || steps != trainedSteps || val != validation) {
            experiment = m == null || val == null ? null : new Experiment(m, val);
        }
        network = net;
        trainedSteps = steps;
        validation = val;
        if (fresh) {
            intervention = Intervention.none(node);
        } else if (shown != examples) {
            intervention = intervention.withoutPins(); // a pin belongs to one example's row
        }
        examples = shown;
        return fresh;
    }

    /** Whether there is a model at rest to intervene on. */
    boolean ready() {
        return experiment != null;
    }

    Experiment experiment() {
        return experiment;
    }

    Intervention intervention() {
        return intervention;
    }

    Dataset examples() {
        return examples;
    }

    /** Switches head {@code head} off with {@code mode}, or on again when {@code mode} is null. */
    void switchHead(int head, Ablation mode) {
        intervention = intervention.withHead(head, mode);
    }

    /** Puts all of row {@code query}'s weight (example {@code example}, head {@code head}) on key {@code key}. */
    void pin(int example, int head, int query, int key, int keys) {
        intervention = intervention.withPin(Intervention.Pin.onto(example, head, query, key, keys));
    }

    /** Undoes every pin: the attention as the model computes it. */
    void restore() {
        intervention = intervention.withoutPins();
    }

    boolean off(int head) {
        return intervention.off().containsKey(head);
    }

    /** The pinned row of a head in an example, or -1. */
    int pinnedRow(int example, int head) {
        return intervention.pins().stream().filter(p -> p.example() == example && p.head() == head)
                .mapToInt(Intervention.Pin::query).findFirst().orElse(-1);
    }

    /** The capture with pinned rows replaced (a copy; switched-off heads leave the block's own maps as they are). */
    Snapshot pinned(Snapshot s) {
        if (intervention.pins().isEmpty()) {
            return s;
        }
        float[][][][] w = s.weights().clone();
        for (Intervention.Pin p : intervention.pins()) {
            if (p.example() < w.length && p.head() < w[p.example()].length) {
                w[p.example()] = w[p.example()].clone();
                float[][] rows = w[p.example()][p.head()].clone();
                float[] row = new float[p.weights().length];
                for (int k = 0; k < row.length; k++) {
                    row[k] = (float) p.weights()[k];
                }
                rows[p.query()] = row;
                w[p.example()][p.head()] = rows;
            }
        }
        return new Snapshot(s.step(), s.nodeId(), w, s.maxError());
    }

    /**
     * Computes the figures for example {@code example} of the shown examples (slow: call off the UI thread). The
     * validation accuracy is measured only with heads off and no pin: a pinned row belongs to one example.
     */
    Figures figures(int example) {
        Intervention none = Intervention.none(intervention.node());
        Dataset one = examples.range(example, example + 1);
        var before = experiment.outcome(none, one).predictions().get(0);
        Intervention here = new Intervention(intervention.node(), intervention.off(), intervention.pins().stream()
                .filter(p -> p.example() == example).map(p -> new Intervention.Pin(0, p.head(), p.query(), p.weights())).toList());
        var after = experiment.outcome(here, one).predictions().get(0);
        boolean measured = !intervention.off().isEmpty() && intervention.pins().isEmpty();
        return new Figures(before, after, experiment.accuracy(none), measured ? experiment.accuracy(intervention) : Double.NaN);
    }

    /** What is switched off, in words ("heads 0, 2 off (zero)"), or "nothing switched off". */
    String offText() {
        Map<Integer, Ablation> off = intervention.off();
        if (off.isEmpty()) {
            return "nothing switched off";
        }
        return (off.size() == 1 ? "head " : "heads ") + off.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", ")) + " off";
    }

    /** The prediction line: unchanged → with the intervention. */
    static String predictionText(Figures f) {
        return "Prediction: " + f.before() + "  →  " + f.after();
    }

    /** The accuracy line: unchanged → with the heads off, or why it is not measured. */
    String accuracyText(Figures f) {
        String base = String.format(Locale.ROOT, "Validation accuracy: %.2f %%", 100 * f.accuracyBefore());
        if (!Double.isNaN(f.accuracyAfter())) {
            return base + String.format(Locale.ROOT, "  →  %.2f %% with %s", 100 * f.accuracyAfter(), offText());
        }
        return base + (intervention.pins().isEmpty() ? " (switch a head off to measure it without)"
                : " (a pinned row belongs to the shown example; restore it to measure heads off)");
    }
}
