package dev.deepwire.inspect;

import dev.deepwire.compiler.layers.AttentionPool;
import dev.deepwire.compiler.layers.AttentionProducts;
import dev.deepwire.compiler.layers.SelfAttention;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.VertexIndices;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The one owner of "attention forward with interventions": recomputes an attention block from its parameters
 * and its real inputs (masks included), the way the block computes it — per head {@code A = softmax(Q Kᵀ/√hs)},
 * {@code O_h = A V}, heads concatenated and projected by {@code Wo} — with an {@link Intervention} applied on
 * the way: a pinned query row replaces that row of {@code A}; a switched-off head's {@code O_h} becomes 0 or its
 * validation mean. {@link #run} then carries the changed output through the rest of the network, vertex by vertex.
 * The network and its parameters are only read. Self-attention, the attention inside a transformer block,
 * cross-attention (its padded query positions give 0, as the block does) and attention pooling.
 */
public final class AttentionForward {
    private AttentionForward() {
    }

    /**
     * One block's forward: its output as the network has it ({@code [b, d, Tq]}, pooled {@code [b, d]}), the
     * weights {@code [b, H, Tq, Tk]} after pinning, each head's output before the projection
     * {@code [b, H, Tq, hs]} after ablation, and the query mask {@code [b, Tq]} (null: every query counts).
     */
    public record Block(INDArray output, INDArray weights, INDArray heads, INDArray queryMask) {
    }

    /** The network's outputs with one block's attention intervened, and that block's own forward. */
    public record Run(INDArray[] outputs, Block block) {
    }

    /**
     * Runs the whole network on {@code inputs} (masks may be null) with {@code iv} applied to its block;
     * {@code means} must be given when a head is replaced by its mean.
     */
    public static Run run(ComputationGraph net, INDArray[] inputs, INDArray[] masks, Intervention iv, HeadMeans means) {
        ComputationGraphConfiguration conf = net.getConfiguration();
        String target = AttentionProbe.resolve(net, iv.node());
        List<String> networkInputs = conf.getNetworkInputs();
        GraphVertex[] vertices = net.getVertices();
        Map<String, INDArray> acts = new HashMap<>();
        INDArray[] out = new INDArray[vertices.length];
        Block block = null;
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        net.setLayerMaskArrays(masks, null);
        try {
            for (int i : net.topologicalSortOrder()) {
                GraphVertex v = vertices[i];
                if (v.isInputVertex()) {
                    out[i] = inputs[networkInputs.indexOf(v.getVertexName())];
                } else {
                    VertexIndices[] in = v.getInputVertices();
                    for (int j = 0; j < in.length; j++) {
                        v.setInput(j, out[in[j].getVertexIndex()], mgr);
                    }
                    if (v.getVertexName().equals(target)) {
                        block = block(net, iv.node(), acts, masks, iv, means);
                        out[i] = block.output();
                    } else {
                        out[i] = v.doForward(false, mgr);
                    }
                }
                acts.put(v.getVertexName(), out[i]);
            }
        } finally {
            net.clearLayerMaskArrays();
            net.clearLayersStates();
        }
        List<String> outputs = conf.getNetworkOutputs();
        INDArray[] result = new INDArray[outputs.size()];
        for (int o = 0; o < result.length; o++) {
            result[o] = acts.get(outputs.get(o));
        }
        return new Run(result, block);
    }

    /**
     * One block's forward with {@code iv} applied, from the activations of the vertices feeding it ({@code acts},
     * by vertex name) and the network's input masks.
     */
    public static Block block(ComputationGraph net, String node, Map<String, INDArray> acts, INDArray[] masks,
                              Intervention iv, HeadMeans means) {
        String vertex = AttentionProbe.resolve(net, node);
        List<String> sources = net.getConfiguration().getVertexInputs().get(vertex);
        Map<String, INDArray> p = net.paramTable(false);
        if (iv.needsMeans() && (means == null || !means.node().equals(node))) {
            throw new IllegalArgumentException("switching a head of '" + node + "' to its mean needs the heads' "
                    + "validation means; compute them first");
        }
        var conf = net.getConfiguration().getVertices().get(vertex);
        if (conf instanceof LayerVertex l && l.getLayerConf().getLayer() instanceof AttentionPool) {
            INDArray x = acts.get(sources.get(0));
            return pooled(p, vertex, x, AttentionProbe.maskOf(net, sources.get(0), masks), iv, means);
        }
        INDArray queries = acts.get(sources.get(0));
        String kvSource = sources.size() > 1 ? sources.get(1) : sources.get(0);
        INDArray keyMask = AttentionProbe.maskOf(net, kvSource, masks);
        INDArray queryMask = AttentionProbe.maskOf(net, sources.get(0), masks);
        return sequence(p, vertex, queries, acts.get(kvSource), keyMask, queryMask, sources.size() > 1, iv, means);
    }

    private static Block sequence(Map<String, INDArray> p, String vertex, INDArray queries, INDArray keys, INDArray keyMask,
                                  INDArray queryMask, boolean cross, Intervention iv, HeadMeans means) {
        INDArray wq = p.get(vertex + "_" + SelfAttention.WQ);
        int h = (int) wq.size(0);
        long hs = wq.size(1);
        long b = queries.size(0);
        long tq = queries.size(2);
        long tk = keys.size(2);
        INDArray xq = rows(queries);
        INDArray xk = rows(keys);
        INDArray q = split(Nd4j.matmul(xq, flat(wq), false, true, false), b, tq, h, hs);
        INDArray k = split(Nd4j.matmul(xk, flat(p.get(vertex + "_" + SelfAttention.WK)), false, true, false), b, tk, h, hs);
        INDArray v = split(Nd4j.matmul(xk, flat(p.get(vertex + "_" + SelfAttention.WV)), false, true, false), b, tk, h, hs);
        // as the layers compute them, bit for bit
        INDArray s = AttentionProducts.weights(q, k, 1.0 / Math.sqrt(hs), keyMask);
        pin(s, iv, h, tq, tk);
        INDArray o = AttentionProducts.outputs(s, v); // [b, H, Tq, hs]
        ablate(o, iv, h, means);
        INDArray concat = o.permute(0, 2, 1, 3).dup('c').reshape('c', b * tq, (long) h * hs);
        INDArray y = Nd4j.matmul(concat, p.get(vertex + "_" + SelfAttention.WO), false, false, false);
        INDArray out = y.reshape('c', b, tq, y.size(1)).permute(0, 2, 1).dup('c');
        if (cross && queryMask != null) {
            Broadcast.mul(out, queryMask.castTo(out.dataType()).reshape(b, tq), out, 0, 2);
        }
        return new Block(out, s, o, queryMask);
    }

    private static Block pooled(Map<String, INDArray> p, String vertex, INDArray x, INDArray mask, Intervention iv,
                                HeadMeans means) {
        INDArray query = p.get(vertex + "_" + AttentionPool.Q);
        int h = (int) query.size(0);
        long hs = query.size(1);
        long b = x.size(0);
        long t = x.size(2);
        INDArray rows = rows(x);
        INDArray k = split(Nd4j.matmul(rows, flat(p.get(vertex + "_" + AttentionPool.WK)), false, true, false), b, t, h, hs);
        INDArray v = split(Nd4j.matmul(rows, flat(p.get(vertex + "_" + AttentionPool.WV)), false, true, false), b, t, h, hs);
        INDArray qs = query.reshape('c', 1, h, hs, 1).broadcast(b, h, hs, 1).dup('c');
        INDArray s = Nd4j.matmul(k, qs, false, false, false).muli(1.0 / Math.sqrt(hs)); // [b, H, T, 1]
        if (mask != null) {
            s.addi(mask.castTo(s.dataType()).sub(1.0).muli(1e9).reshape(b, 1, t, 1));
        }
        Nd4j.exec(new SoftMax(s, s, 2));
        INDArray weights = s.permute(0, 1, 3, 2).dup('c'); // [b, H, 1, T]
        pin(weights, iv, h, 1, t);
        INDArray o = Nd4j.matmul(weights, v, false, false, false); // [b, H, 1, hs]
        ablate(o, iv, h, means);
        INDArray out = Nd4j.matmul(o.reshape('c', b, h * hs), p.get(vertex + "_" + AttentionPool.WO), false, false, false);
        return new Block(out, weights, o, null);
    }

    /** Replaces pinned rows of the weights {@code [b, H, Tq, Tk]}. */
    private static void pin(INDArray a, Intervention iv, int heads, long tq, long tk) {
        for (Intervention.Pin pin : iv.pins()) {
            if (pin.head() < 0 || pin.head() >= heads || pin.query() < 0 || pin.query() >= tq) {
                throw new IllegalArgumentException("cannot pin row " + pin.query() + " of head " + pin.head() + " of '"
                        + iv.node() + "': it has " + heads + " heads and " + tq + " query rows");
            }
            if (pin.weights().length != tk) {
                throw new IllegalArgumentException("a pinned row of '" + iv.node() + "' needs " + tk + " weights (one per key); got "
                        + pin.weights().length);
            }
            INDArray row = Nd4j.createFromArray(pin.weights()).castTo(a.dataType());
            for (int e = 0; e < a.size(0); e++) {
                if (pin.applies(e)) {
                    a.get(NDArrayIndex.point(e), NDArrayIndex.point(pin.head()), NDArrayIndex.point(pin.query()), NDArrayIndex.all())
                            .assign(row);
                }
            }
        }
    }

    /** Zeroes switched-off heads' outputs {@code [b, H, Tq, hs]} or sets them to their means. */
    private static void ablate(INDArray o, Intervention iv, int heads, HeadMeans means) {
        for (var off : iv.off().entrySet()) {
            int head = off.getKey();
            if (head < 0 || head >= heads) {
                throw new IllegalArgumentException("'" + iv.node() + "' has no head " + head + "; its heads are 0 to " + (heads - 1));
            }
            INDArray slot = o.get(NDArrayIndex.all(), NDArrayIndex.point(head), NDArrayIndex.all(), NDArrayIndex.all());
            if (off.getValue() == Ablation.ZERO) {
                slot.assign(0);
            } else {
                INDArray mean = means.of(head).castTo(o.dataType());
                slot.assign(mean.reshape(1, 1, mean.length()).broadcast(slot.shape()));
            }
        }
    }

    /** [b, d, T] → [b·T, d]. */
    private static INDArray rows(INDArray x) {
        return x.permute(0, 2, 1).dup('c').reshape('c', x.size(0) * x.size(2), x.size(1));
    }

    /** A projection's weights [H, hs, d] as [H·hs, d]. */
    private static INDArray flat(INDArray w) {
        return w.reshape('c', w.size(0) * w.size(1), w.size(2));
    }

    /** [b·T, H·hs] → [b, H, T, hs]. */
    private static INDArray split(INDArray all, long b, long t, int h, long hs) {
        return all.reshape('c', b, t, h, hs).permute(0, 2, 1, 3).dup('c');
    }
}
