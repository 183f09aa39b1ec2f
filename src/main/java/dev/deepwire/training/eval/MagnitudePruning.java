package dev.deepwire.training.eval;

import dev.deepwire.compiler.layers.FeedForward;
import dev.deepwire.compiler.layers.LeanUpdaterBlock;
import dev.deepwire.compiler.layers.SelfAttention;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Magnitude pruning of the weight matrices of dense layers (outputs included), feed-forward blocks and self-attention
 * projections: in each matrix the given share of weights with the smallest absolute value is set to zero (biases,
 * norms and embeddings are left alone). The pruned network is a copy; its masks keep the zeros during fine-tuning.
 */
public final class MagnitudePruning {
    private MagnitudePruning() {
    }

    /** A pruned copy, its masks (1 kept, 0 pruned, by parameter-table key) and how many weights went. */
    public record Pruned(ComputationGraph net, Map<String, INDArray> masks, long prunable, long zeroed) {
        /** Sets the pruned weights back to zero (after an update moved them). */
        public void applyMasks() {
            Map<String, INDArray> table = net.paramTable();
            masks.forEach((key, mask) -> table.get(key).muli(mask));
        }

        /**
         * Trains the pruned copy for {@code epochs} on {@code train} with its own optimizer settings, the pruned
         * weights held at zero after every step.
         */
        public void fineTune(List<MultiDataSet> train, int epochs, long seed) {
            Random random = new Random(seed);
            List<MultiDataSet> order = new ArrayList<>(train);
            LeanUpdaterBlock.install(net);
            for (int e = 0; e < epochs; e++) {
                java.util.Collections.shuffle(order, random);
                for (MultiDataSet b : order) {
                    net.fit(b);
                    applyMasks();
                }
            }
        }
    }

    /** The parameter-table keys of the weights that magnitude pruning may zero. */
    public static List<String> prunableKeys(ComputationGraph net) {
        List<String> keys = new ArrayList<>();
        for (Layer layer : net.getLayers()) {
            var conf = layer.conf().getLayer();
            String name = conf.getLayerName();
            List<String> params;
            if (conf instanceof SelfAttention) {
                params = List.of(SelfAttention.WQ, SelfAttention.WK, SelfAttention.WV, SelfAttention.WO);
            } else if (conf instanceof FeedForward) {
                params = List.of(FeedForward.W1, FeedForward.W2);
            } else if (conf instanceof DenseLayer || conf instanceof BaseOutputLayer) {
                params = List.of("W");
            } else {
                continue;
            }
            for (String p : params) {
                if (net.paramTable().containsKey(name + "_" + p)) {
                    keys.add(name + "_" + p);
                }
            }
        }
        return keys;
    }

    /** A copy of {@code net} with {@code sparsity} (0 to 1) of each prunable matrix's smallest weights set to zero. */
    public static Pruned prune(ComputationGraph net, double sparsity) {
        if (!(sparsity >= 0 && sparsity < 1)) {
            throw new IllegalArgumentException("sparsity must be from 0 up to (not including) 1; got " + sparsity);
        }
        ComputationGraph copy = dev.deepwire.training.ModelCopy.of(net); // trained as long as net
        Map<String, INDArray> table = copy.paramTable();
        Map<String, INDArray> masks = new LinkedHashMap<>();
        long prunable = 0;
        long zeroed = 0;
        for (String key : prunableKeys(copy)) {
            INDArray w = table.get(key);
            double[] values = w.dup('c').reshape(w.length()).toDoubleVector();
            prunable += values.length;
            int k = (int) Math.floor(sparsity * values.length);
            double[] mask = new double[values.length];
            java.util.Arrays.fill(mask, 1.0);
            if (k > 0) {
                Integer[] order = new Integer[values.length];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                java.util.Arrays.sort(order, (a, b) -> Double.compare(Math.abs(values[a]), Math.abs(values[b])));
                for (int i = 0; i < k; i++) {
                    mask[order[i]] = 0.0;
                }
                zeroed += k;
            }
            INDArray m = org.nd4j.linalg.factory.Nd4j.createFromArray(mask).castTo(w.dataType()).reshape('c', w.shape());
            masks.put(key, m);
            if (k > 0) {
                w.muli(m);
            }
        }
        return new Pruned(copy, masks, prunable, zeroed);
    }

    /** How many parameters of {@code net} are not zero. */
    public static long nonZero(ComputationGraph net) {
        INDArray p = net.params();
        return p.length() - p.eq(0.0).castTo(DataType.LONG).sumNumber().longValue();
    }
}
