package dev.deepwire.training.eval;

import dev.deepwire.training.eval.ModelScore;

import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.data.TripleDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * What a finished run scores on the held-out test split, with the sample's own metric: accuracy (class,
 * per step, or match), and for knowledge graphs the filtered ranking figures and a few entities' nearest
 * neighbours.
 */
public final class TestReport {
    /** Entities whose neighbours are shown when they exist in the graph. */
    private static final List<String> SHOWCASE = List.of("dog", "horse", "bird", "fish");

    private TestReport() {
    }

    public static List<String> lines(ComputationGraph model, CompiledNetwork network, DatasetSplits data) {
        List<String> out = new ArrayList<>();
        if (data.test() != null) {
            String type = network.outputs().get(0).blockType();
            ModelScore e = ModelScore.of(model, data.test().batches(256, null), type);
            out.add(Double.isNaN(e.accuracy())
                    ? String.format(Locale.ROOT, "test loss: %.4f over %,d examples", e.loss(), e.examples())
                    : String.format(Locale.ROOT, "test %s: %.4f over %,d examples (loss %.4f)", metricName(type),
                    e.accuracy(), e.examples(), e.loss()));
        }
        TripleDataset kg = data.knowledgeGraph();
        if (kg != null && !kg.triples("test").isEmpty()) {
            LinkRanking ranking = LinkRanking.ofSplit(model, kg, "test");
            // First (a panel shows the first lines): the model's figures, then the baselines they are to beat.
            out.addAll(0, ranking.summaryLines());
            out.add("per relation (test):");
            out.addAll(ranking.relationLines());
            EntityNeighbours.table(model, kg.entities().size()).ifPresent(table -> {
                for (String wanted : SHOWCASE) {
                    for (int i = 0; i < kg.entities().size(); i++) {
                        if (kg.entities().get(i).startsWith(wanted + ".")) {
                            out.add("nearest to " + kg.entities().get(i) + ": " + EntityNeighbours.of(table, kg.entities(), i, 5)
                                    .stream().map(n -> String.format(Locale.ROOT, "%s %.2f", n.name(), n.similarity()))
                                    .collect(Collectors.joining(", ")));
                            break;
                        }
                    }
                }
            });
        }
        return out;
    }

    static String metricName(String outputType) {
        return switch (outputType) {
            case "sigmoid_output" -> "match accuracy";
            case "link_prediction_output" -> "true/corrupted accuracy";
            case "link_ranking_output" -> "top-1 accuracy (unfiltered)";
            case "sequence_softmax_output" -> "per-step accuracy";
            default -> "accuracy";
        };
    }
}
