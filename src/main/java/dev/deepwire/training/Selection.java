package dev.deepwire.training;

import dev.deepwire.data.DatasetSplits;
import dev.deepwire.data.TripleDataset;
import dev.deepwire.training.eval.LinkRanking;
import dev.deepwire.training.eval.ModelScore;
import java.util.Locale;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * The validation figure a run selects its model on (training setting {@code selectOn}): the loss, the accuracy, or
 * for a knowledge graph the filtered MRR of the validation triples. Early stopping and the best model follow it;
 * for every setting but {@code last} the run ends with the best epoch's model, so a test evaluated afterwards is
 * evaluated once, on the model validation chose.
 */
final class Selection {
    private final String metric;
    private final TripleDataset kg;

    Selection(String metric, DatasetSplits data) {
        this.metric = metric;
        this.kg = data.knowledgeGraph();
    }

    /** Why this metric cannot be measured on this data, or null. */
    String problem() {
        if (metric.equals("mrr") && (kg == null || kg.triples("validation").isEmpty())) {
            return "training.selectOn is mrr, which needs a knowledge graph (dataset kind triples) with validation "
                    + "triples; mark some lines 'validation' or select on loss or accuracy";
        }
        return null;
    }

    /** Whether the run ends with the selected model instead of the last one. */
    boolean restoresBest() {
        return !metric.equals("last");
    }

    /** This epoch's figure as a cost: lower is better (accuracy and MRR negated; NaN is never better). */
    double cost(ComputationGraph model, ModelScore eval) {
        return switch (metric) {
            case "accuracy" -> -eval.accuracy();
            case "mrr" -> -LinkRanking.ofSplit(model, kg, "validation").mrr();
            default -> eval.loss();
        };
    }

    /** Whether the figure is one that {@link TrainingEvent.EpochCompleted} does not carry (then it is reported). */
    boolean reportsOwnFigure() {
        return metric.equals("mrr");
    }

    /** The figure itself for a cost (MRR and accuracy as measured, not negated). */
    double figure(double cost) {
        return metric.equals("accuracy") || metric.equals("mrr") ? -cost : cost;
    }

    /** E.g. "validation filtered MRR 0.231" for a cost. */
    String describe(double cost) {
        return switch (metric) {
            case "accuracy" -> String.format(Locale.ROOT, "validation accuracy %.4f", -cost);
            case "mrr" -> String.format(Locale.ROOT, "validation filtered MRR %.4f", -cost);
            default -> String.format(Locale.ROOT, "validation loss %.4f", cost);
        };
    }

    /** The name in messages: "validation loss", "validation filtered MRR". */
    String name() {
        return switch (metric) {
            case "accuracy" -> "validation accuracy";
            case "mrr" -> TrainingEvent.SelectionMeasured.MRR;
            default -> "validation loss";
        };
    }
}
