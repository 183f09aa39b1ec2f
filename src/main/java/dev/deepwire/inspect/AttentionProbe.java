package dev.deepwire.inspect;

import dev.deepwire.compiler.VertexActivations;
import dev.deepwire.compiler.layers.AttentionPool;
import dev.deepwire.compiler.layers.CrossAttention;
import dev.deepwire.compiler.layers.SelfAttention;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.MultiHeadDotProductAttention;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Recomputes an attention block's weights from its parameters and its real inputs (masks included)
 * with ND4J's own {@code multi_head_dot_product_attention} op — an implementation independent of the block's —
 * and checks that the output recomputed from them equals the block's activation. So a heatmap shows what
 * the network computed, or the capture fails loudly. Covers self-attention, the attention inside a
 * transformer block ({@code <node>.attention}) and cross-attention (queries × keys of the other input).
 */
public final class AttentionProbe {
    private AttentionProbe() {
    }

    /** Thrown when the recomputed output differs from the block's activation. */
    public static final class NotVerified extends IllegalStateException {
        NotVerified(String message) {
            super(message);
        }
    }

    public static AttentionMaps capture(ComputationGraph net, String nodeId, INDArray[] inputs, INDArray[] masks) {
        return capture(net, nodeId, VertexActivations.of(net, inputs, masks, null, false), masks);
    }

    /**
     * As {@link #capture(ComputationGraph, String, INDArray[], INDArray[])}, from the network's activations for
     * those inputs (one forward pass serves every attention block of a capture).
     */
    public static AttentionMaps capture(ComputationGraph net, String nodeId, Map<String, INDArray> acts, INDArray[] masks) {
        String vertex = resolve(net, nodeId);
        List<String> sources = net.getConfiguration().getVertexInputs().get(vertex);
        if (isPool(net.getConfiguration().getVertices().get(vertex))) {
            return pooled(net, nodeId, vertex, acts, maskOf(net, sources.get(0), masks), acts.get(sources.get(0)));
        }
        INDArray q = acts.get(sources.get(0));
        INDArray kv = acts.get(sources.size() > 1 ? sources.get(1) : sources.get(0));
        INDArray mask = maskOf(net, sources.size() > 1 ? sources.get(1) : sources.get(0), masks);
        mask = mask == null ? null : mask.castTo(kv.dataType());
        Map<String, INDArray> p = net.paramTable(false);
        INDArray[] out = Nd4j.exec(new MultiHeadDotProductAttention(q, kv, kv, p.get(vertex + "_" + SelfAttention.WQ),
                p.get(vertex + "_" + SelfAttention.WK), p.get(vertex + "_" + SelfAttention.WV),
                p.get(vertex + "_" + SelfAttention.WO), mask, true, true));
        INDArray recomputed = out[0];
        INDArray queryMask = maskOf(net, sources.get(0), masks);
        if (sources.size() > 1 && queryMask != null) {
            // DL4J's attention vertex zeroes its output at padded query positions.
            recomputed = recomputed.mul(queryMask.castTo(q.dataType()).reshape(q.size(0), 1, q.size(2)).broadcast(recomputed.shape()));
        }
        double error = recomputed.sub(acts.get(vertex)).amaxNumber().doubleValue();
        // The op gives [batch, heads, keys, queries]: turn it so rows are queries.
        INDArray weights = out[1].permute(0, 1, 3, 2).dup('c');
        AttentionMaps maps = new AttentionMaps(nodeId, weights, error);
        if (!maps.verified()) {
            throw new NotVerified("the attention recomputed for '" + nodeId + "' differs from the block's output by "
                    + error + " (more than " + AttentionMaps.TOLERANCE + "); the heatmap would not show what the network computed");
        }
        return maps;
    }

    /** The DL4J vertex holding a node's attention, or an error listing the nodes that have one. */
    static String resolve(ComputationGraph net, String nodeId) {
        return resolve(net.getConfiguration(), nodeId);
    }

    static String resolve(ComputationGraphConfiguration conf, String nodeId) {
        for (String v : List.of(nodeId, nodeId + ".attention")) {
            if (isAttention(conf.getVertices().get(v))) {
                return v;
            }
        }
        throw new IllegalArgumentException("'" + nodeId + "' is not an attention block; choose one of " + attentionNodes(conf));
    }

    private static boolean isAttention(GraphVertex v) {
        return v instanceof CrossAttention || isPool(v)
                || v instanceof LayerVertex l && l.getLayerConf().getLayer() instanceof SelfAttention;
    }

    private static boolean isPool(GraphVertex v) {
        return v instanceof LayerVertex l && l.getLayerConf().getLayer() instanceof AttentionPool;
    }

    /**
     * Attention pooling: per head, {@code a = softmax(q_h · (W_k,h x) / √hs)} over unmasked positions, recomputed
     * here with plain array operations; the pooled output {@code W_Oᵀ [Σ a V_h]} must equal the block's. The
     * maps have one query row per head's learned query: {@code [batch, heads, 1, positions]}.
     */
    private static AttentionMaps pooled(ComputationGraph net, String nodeId, String vertex, Map<String, INDArray> acts,
                                        INDArray mask, INDArray x) {
        Map<String, INDArray> p = net.paramTable(false);
        INDArray q = p.get(vertex + "_" + AttentionPool.Q);
        INDArray wk = p.get(vertex + "_" + AttentionPool.WK);
        INDArray wv = p.get(vertex + "_" + AttentionPool.WV);
        INDArray wo = p.get(vertex + "_" + AttentionPool.WO);
        long b = x.size(0);
        long t = x.size(2);
        int heads = (int) q.size(0);
        long hs = q.size(1);
        INDArray weights = Nd4j.create(x.dataType(), b, heads, 1, t);
        INDArray concat = Nd4j.create(x.dataType(), b, heads * hs);
        for (int h = 0; h < heads; h++) {
            INDArray whk = wk.slice(h); // [hs, d]
            INDArray whv = wv.slice(h);
            for (long e = 0; e < b; e++) {
                INDArray xe = x.slice(e); // [d, T]
                INDArray scores = q.slice(h).reshape(1, hs).mmul(whk.mmul(xe)).muli(1.0 / Math.sqrt(hs)); // [1, T]
                if (mask != null) {
                    scores.addi(mask.slice(e).reshape(1, t).castTo(scores.dataType()).sub(1.0).muli(1e9));
                }
                INDArray a = Transforms.softmax(scores, true);
                weights.get(NDArrayIndex.point(e), NDArrayIndex.point(h), NDArrayIndex.point(0), NDArrayIndex.all()).assign(a.reshape(t));
                INDArray o = whv.mmul(xe).mmul(a.transpose()); // [hs, 1]
                concat.get(NDArrayIndex.point(e), NDArrayIndex.interval(h * hs, (h + 1) * hs)).assign(o.reshape(hs));
            }
        }
        double error = concat.mmul(wo).sub(acts.get(vertex)).amaxNumber().doubleValue();
        AttentionMaps maps = new AttentionMaps(nodeId, weights, error);
        if (!maps.verified()) {
            throw new NotVerified("the attention pooling recomputed for '" + nodeId + "' differs from the block's output by "
                    + error + "; the heatmap would not show what the network computed");
        }
        return maps;
    }

    /** The padding mask of the network input a vertex's sequence comes from (following first inputs upstream). */
    static INDArray maskOf(ComputationGraph net, String vertex, INDArray[] masks) {
        int i = sourceInput(net, vertex);
        return masks == null || i < 0 ? null : masks[i];
    }

    /** Which network input a vertex's sequence comes from (following first inputs upstream), or −1. */
    static int sourceInput(ComputationGraph net, String vertex) {
        return sourceInput(net.getConfiguration(), vertex);
    }

    static int sourceInput(ComputationGraphConfiguration conf, String vertex) {
        List<String> networkInputs = conf.getNetworkInputs();
        String at = vertex;
        while (!networkInputs.contains(at)) {
            List<String> in = conf.getVertexInputs().get(at);
            if (in == null || in.isEmpty()) {
                return -1;
            }
            at = in.get(0);
        }
        return networkInputs.indexOf(at);
    }

    /** The network inputs behind a node's queries and keys: {@code [queries, keys]} (equal for self-attention). */
    public static int[] inputsOf(ComputationGraphConfiguration conf, String nodeId) {
        List<String> sources = conf.getVertexInputs().get(resolve(conf, nodeId));
        return new int[] {sourceInput(conf, sources.get(0)), sourceInput(conf, sources.size() > 1 ? sources.get(1) : sources.get(0))};
    }

    /** The canvas nodes that hold attention: self-attention, transformer blocks and cross-attention. */
    public static List<String> attentionNodes(ComputationGraph net) {
        return attentionNodes(net.getConfiguration());
    }

    public static List<String> attentionNodes(ComputationGraphConfiguration conf) {
        return conf.getVertices().entrySet().stream()
                .filter(e -> isAttention(e.getValue()))
                .map(e -> e.getKey().endsWith(".attention") ? e.getKey().substring(0, e.getKey().length() - 10) : e.getKey())
                .sorted().toList();
    }
}
