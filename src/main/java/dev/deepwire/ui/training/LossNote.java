package dev.deepwire.ui.training;

import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.training.TrainingEvent;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The line under the loss chart that says why a 1-N knowledge-graph run's validation loss stays flat beside a falling
 * training loss (empty for every other run). Not a fault: the validation loss is the cross-entropy of each held-out
 * answer over all N entities, and the model learns its training triples (training loss falls) long before it finds
 * most held-out answers, whose loss stays at chance, ln N, or above; the mean is flat while the ranking improves. On
 * wordnet-links-mlp-1n after 15 epochs: training loss 3.0, validation 7.5 (chance 8.29), 28 % of the validation
 * answers in the filtered top 10 (their mean loss 4.0, the others' 8.8), validation filtered MRR 0.086 → 0.166.
 * The line gives the chance level and, where the run measures it each epoch, the MRR from its first epoch to now.
 */
final class LossNote {
    private final StringProperty line = new SimpleStringProperty("");
    private final StringProperty detail = new SimpleStringProperty("");
    private int entities;
    private boolean mrrEachEpoch;
    private double firstMrr = Double.NaN;
    private double lastMrr = Double.NaN;
    /** Each epoch's MRR, to name the kept epoch's when the run ends. */
    private final java.util.Map<Integer, Double> mrrByEpoch = new java.util.HashMap<>();
    /** The epoch whose model the run kept (0: none chosen, or the run goes on). */
    private int keptEpoch;

    /** The line (empty: nothing to explain). */
    ReadOnlyStringProperty lineProperty() {
        return line;
    }

    /** The longer explanation (the line's tooltip). */
    ReadOnlyStringProperty detailProperty() {
        return detail;
    }

    /**
     * A run starts: a note when its first output ranks every entity (1-N: {@code link_ranking_output}) of a knowledge
     * graph; {@code mrrEachEpoch} when the run measures validation filtered MRR each epoch (selects on it).
     */
    void begin(CompiledNetwork network, DatasetSplits data, boolean mrrEachEpoch) {
        boolean oneToAll = !network.outputs().isEmpty() && "link_ranking_output".equals(network.outputs().get(0).blockType())
                && data.knowledgeGraph() != null;
        begin(oneToAll ? data.knowledgeGraph().entities().size() : 0, mrrEachEpoch);
    }

    /** A run over {@code entities} ranked entities starts (0: not a 1-N run, no note). */
    void begin(int entities, boolean mrrEachEpoch) {
        this.entities = entities;
        this.mrrEachEpoch = mrrEachEpoch;
        firstMrr = Double.NaN;
        lastMrr = Double.NaN;
        mrrByEpoch.clear();
        keptEpoch = 0;
        show();
    }

    /** Follows the run's own figure each epoch (validation filtered MRR for 1-N runs that select on it). */
    void measured(TrainingEvent.SelectionMeasured m) {
        if (entities == 0 || !m.figure().contains("MRR")) {
            return;
        }
        if (Double.isNaN(firstMrr)) {
            firstMrr = m.value();
        }
        lastMrr = m.value();
        mrrByEpoch.put(m.epoch(), m.value());
        show();
    }

    /**
     * The run finished keeping the model of {@code epoch} (0: the last epoch's): the line ends at the kept epoch's MRR,
     * the figure of the model the run kept — it went on to the last epoch's, which no model kept has.
     */
    void finished(int epoch) {
        if (epoch > 0 && mrrByEpoch.containsKey(epoch)) {
            keptEpoch = epoch;
            lastMrr = mrrByEpoch.get(epoch);
            show();
        }
    }

    /** Another project is shown: no note. */
    void clear() {
        begin(0, false);
    }

    private void show() {
        line.set(entities == 0 ? "" : line(entities, firstMrr, lastMrr, keptEpoch));
        detail.set(entities == 0 ? "" : detail(entities, mrrEachEpoch));
    }

    /** ln N, the loss of a model that ranks all N entities alike. */
    static double chance(int entities) {
        return Math.log(entities);
    }

    /**
     * "Most held-out answers unfound: loss near chance (8.29) · MRR 0.086 → 0.166": whole on one line under
     * the charts of a 1024 px window (longer, its MRR was cut off there).
     */
    static String line(int entities, double firstMrr, double lastMrr) {
        return line(entities, firstMrr, lastMrr, 0);
    }

    /** The same, ending at the kept epoch's MRR: "· MRR 0.086 → 0.166 (epoch 9, kept)". */
    static String line(int entities, double firstMrr, double lastMrr, int keptEpoch) {
        // "validation" is left to the tooltip: with the kept epoch named the line is cut at 1024 px otherwise
        String s = String.format(Locale.ROOT, "Most held-out answers unfound: loss near chance (%.2f)",
                chance(entities));
        return Double.isNaN(lastMrr) ? s : s + String.format(Locale.ROOT, " · MRR %.3f → %.3f", firstMrr, lastMrr)
                + (keptEpoch > 0 ? " (epoch " + keptEpoch + ", kept)" : "");
    }

    static String detail(int entities, boolean mrrEachEpoch) {
        return String.format(Locale.ROOT, "The validation loss scores each held-out answer against all %,d entities "
                + "(chance, every entity alike: ln %,d = %.2f). The model learns its training triples first (training loss "
                + "falls); most held-out answers stay unfound, at chance or above, so the mean stays flat while the ranking "
                + "improves. %s", entities, entities, chance(entities), mrrEachEpoch
                ? "Validation filtered MRR shows the progress (from the first epoch to now) and chooses the model kept."
                : "Filtered MRR shows the progress: in the test report when the run ends, or each epoch with Select on mrr.");
    }
}
