package dev.deepwire.training.eval;

import dev.deepwire.compiler.layers.SelfAttention;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Removes whole heads from self-attention blocks (alone or inside transformer blocks): a new, smaller network whose
 * blocks have fewer heads of the same width, with the surviving weights copied. A head's rows of {@code Wq}, {@code Wk},
 * {@code Wv} ({@code [heads, headSize, d]}) and its {@code headSize} rows of {@code Wo} ({@code [heads·headSize, d]})
 * go; every other parameter is copied unchanged, so the smaller network computes what the original computes with
 * those heads' outputs set to zero. The original is never changed.
 */
public final class HeadRemoval {
    private HeadRemoval() {
    }

    /** One head of one attention block. */
    public record Head(String block, int head) {
        @Override
        public String toString() {
            return block + " head " + head;
        }
    }

    /** The self-attention blocks of a network and their head counts, in graph order. */
    public static Map<String, Integer> heads(ComputationGraph net) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String name : net.getConfiguration().getTopologicalOrderStr()) {
            SelfAttention a = attention(net.getConfiguration(), name);
            if (a != null) {
                out.put(name, a.getHeads());
            }
        }
        return out;
    }

    /** Every head of every self-attention block. */
    public static List<Head> all(ComputationGraph net) {
        List<Head> out = new ArrayList<>();
        heads(net).forEach((block, n) -> {
            for (int h = 0; h < n; h++) {
                out.add(new Head(block, h));
            }
        });
        return out;
    }

    private static SelfAttention attention(ComputationGraphConfiguration conf, String vertex) {
        GraphVertex v = conf.getVertices().get(vertex);
        if (v instanceof LayerVertex lv && lv.getLayerConf() != null && lv.getLayerConf().getLayer() instanceof SelfAttention a) {
            return a;
        }
        return null;
    }

    /**
     * A copy of {@code net} without {@code removed} (heads numbered as in {@code net}); each block keeps at least one
     * head.
     */
    public static ComputationGraph remove(ComputationGraph net, List<Head> removed) {
        ComputationGraphConfiguration conf = net.getConfiguration().clone();
        dev.deepwire.training.ModelCopy.keepCounts(net.getConfiguration(), conf); // the copy was trained as long
        Map<String, Set<Integer>> gone = new LinkedHashMap<>();
        for (Head h : removed) {
            SelfAttention a = attention(conf, h.block());
            if (a == null) {
                throw new IllegalArgumentException("'" + h.block() + "' is not a self-attention block of this network");
            }
            if (h.head() < 0 || h.head() >= a.getHeads()) {
                throw new IllegalArgumentException("'" + h.block() + "' has heads 0 to " + (a.getHeads() - 1) + ", not " + h.head());
            }
            gone.computeIfAbsent(h.block(), k -> new TreeSet<>()).add(h.head());
        }
        Map<String, int[]> kept = new LinkedHashMap<>();
        Map<String, Long> widths = new LinkedHashMap<>();
        for (var e : gone.entrySet()) {
            SelfAttention a = attention(conf, e.getKey());
            int heads = a.getHeads();
            if (e.getValue().size() >= heads) {
                throw new IllegalArgumentException("'" + e.getKey() + "' must keep at least one of its " + heads + " heads");
            }
            kept.put(e.getKey(), java.util.stream.IntStream.range(0, heads).filter(h -> !e.getValue().contains(h)).toArray());
            long width = a.headSize();
            widths.put(e.getKey(), width);
            a.setHeads(heads - e.getValue().size());
            a.setHeadWidth(width);
        }
        ComputationGraph slim = new ComputationGraph(conf);
        slim.init();
        Map<String, INDArray> from = net.paramTable();
        for (var e : slim.paramTable().entrySet()) {
            INDArray source = from.get(e.getKey());
            String block = e.getKey().substring(0, e.getKey().lastIndexOf('_'));
            String param = e.getKey().substring(e.getKey().lastIndexOf('_') + 1);
            e.getValue().assign(kept.containsKey(block)
                    ? surviving(source, param, kept.get(block), widths.get(block)) : source);
        }
        return slim;
    }

    /** The rows of a projection that belong to the kept heads (copies, gathered row by row). */
    private static INDArray surviving(INDArray w, String param, int[] keep, long width) {
        INDArray c = w.dup('c');
        if (param.equals(SelfAttention.WO)) { // [heads·width, d]: each head's width rows
            int[] rows = new int[(int) (keep.length * width)];
            for (int i = 0; i < keep.length; i++) {
                for (int r = 0; r < width; r++) {
                    rows[(int) (i * width + r)] = (int) (keep[i] * width + r);
                }
            }
            return c.getRows(rows);
        }
        // [heads, width, d]: one row per head once flattened
        return c.reshape('c', c.size(0), c.size(1) * c.size(2)).getRows(keep).reshape('c', keep.length, c.size(1), c.size(2));
    }
}
