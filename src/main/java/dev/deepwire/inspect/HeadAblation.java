package dev.deepwire.inspect;

import dev.deepwire.compiler.layers.AttentionPool;
import dev.deepwire.compiler.layers.SelfAttention;
import dev.deepwire.data.Dataset;
import dev.deepwire.training.eval.ModelScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * The validation metric (accuracy, counted as training counts it) of a trained network with attention heads
 * switched off, and the table of every head of every attention block ranked by how much the metric drops
 * without it ("which heads matter"). Forward passes go through {@link AttentionForward}; the network is only read.
 */
public final class HeadAblation {
    private static final int BATCH = 256;

    private HeadAblation() {
    }

    /** One head switched off alone: the metric without it and the drop from the unchanged network's. */
    public record Row(String node, int head, double metric, double drop) {
    }

    /** The unchanged metric and one row per head, the largest drop first. */
    public record Table(double baseline, Ablation mode, List<Row> rows) {
        /** The table as CSV: {@code node,head,mode,accuracy,drop}, a {@code none} row first. */
        public String csv() {
            StringBuilder b = new StringBuilder("node,head,mode,accuracy,drop\n");
            b.append(String.format(Locale.ROOT, "none,,,%.6f,0%n", baseline));
            for (Row r : rows) {
                b.append(String.format(Locale.ROOT, "%s,%d,%s,%.6f,%.6f%n", dev.deepwire.io.CsvText.cell(r.node()), r.head(), mode, r.metric(), r.drop()));
            }
            return b.toString();
        }
    }

    /**
     * The accuracy of {@code net} on {@code data} with {@code iv} applied ({@code means}: the block's head means,
     * needed only for mean ablation). NaN for a network whose first output has no accuracy (regression).
     */
    public static double metric(ComputationGraph net, Dataset data, Intervention iv, HeadMeans means) {
        String kind = outputKind(net);
        double correct = 0;
        double counted = 0;
        for (MultiDataSet b : data.batches(BATCH, null)) {
            INDArray out = AttentionForward.run(net, b.getFeatures(), b.getFeaturesMaskArrays(), iv, means).outputs()[0];
            double[] hit = ModelScore.hits(out, b, kind);
            correct += hit[0];
            counted += hit[1];
        }
        return counted == 0 ? Double.NaN : correct / counted;
    }

    /** Every head of every block in {@code nodes}, each switched off alone ({@code mode}), ranked. */
    public static Table table(ComputationGraph net, Dataset data, List<String> nodes, Ablation mode) {
        if (Double.isNaN(metric(net, data.head(1), Intervention.none(nodes.get(0)), null))) {
            throw new IllegalArgumentException("this network's output has no accuracy (a regression output); "
                    + "which heads matter is measured by accuracy");
        }
        double baseline = metric(net, data, Intervention.none(nodes.get(0)), null);
        List<Row> rows = new ArrayList<>();
        for (String node : nodes) {
            HeadMeans means = mode == Ablation.MEAN ? HeadMeans.of(net, node, data) : null;
            int heads = heads(net, node);
            for (int h = 0; h < heads; h++) {
                double m = metric(net, data, Intervention.headOff(node, h, mode), means);
                rows.add(new Row(node, h, m, baseline - m));
            }
        }
        rows.sort(Comparator.comparingDouble(Row::drop).reversed().thenComparing(Row::node).thenComparingInt(Row::head));
        return new Table(baseline, mode, List.copyOf(rows));
    }

    /** How many heads a block has. */
    public static int heads(ComputationGraph net, String node) {
        String vertex = AttentionProbe.resolve(net, node);
        var p = net.paramTable(false);
        INDArray wq = p.containsKey(vertex + "_" + AttentionPool.Q) ? p.get(vertex + "_" + AttentionPool.Q)
                : p.get(vertex + "_" + SelfAttention.WQ);
        return (int) wq.size(0);
    }

    /** How the network's first output is scored, in the output block's terms (as {@link ModelScore} takes them). */
    static String outputKind(ComputationGraph net) {
        Layer out = net.getOutputLayer(0).conf().getLayer();
        if (out instanceof RnnOutputLayer) {
            return "sequence_softmax_output";
        }
        if (out instanceof BaseOutputLayer o && o.getActivationFn() instanceof ActivationSigmoid) {
            return "sigmoid_output";
        }
        if (out instanceof BaseOutputLayer o && o.getActivationFn() instanceof ActivationIdentity) {
            return "regression_output";
        }
        return "softmax_output";
    }
}
