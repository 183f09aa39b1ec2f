package dev.deepwire.inspect.walk;

import dev.deepwire.compiler.layers.AttentionPool;
import dev.deepwire.compiler.layers.SelfAttention;
import dev.deepwire.data.Dataset;
import dev.deepwire.inspect.AttentionMaps;
import dev.deepwire.inspect.AttentionProbe;
import dev.deepwire.inspect.AxisLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One attention block's arithmetic for one query position and head, from the block's parameters and its real
 * inputs: {@code q_i = W_Q x_i}, {@code s_j = q_i·k_j/√d_k} with {@code k_j = W_K x_j} (padded keys masked), the
 * softmax row and {@code Σ_j a_j v_j}. The softmax row shown is the attention inspector's own
 * ({@link AttentionProbe}, verified against the block's output); the one computed here must agree with it.
 */
final class AttentionMath {
    private AttentionMath() {
    }

    /** The attention step of {@code nodeId}, or null when the node holds no attention. */
    static AttentionStep of(ComputationGraph net, String nodeId, Map<String, INDArray> acts, Dataset one,
                            int position, int head) {
        ComputationGraphConfiguration conf = net.getConfiguration();
        if (!AttentionProbe.attentionNodes(conf).contains(nodeId)) {
            return null;
        }
        String vertex = conf.getVertices().containsKey(nodeId + ".attention") ? nodeId + ".attention" : nodeId;
        AttentionMaps maps = AttentionProbe.capture(net, nodeId, acts, one.featureMasks());
        List<String> sources = conf.getVertexInputs().get(vertex);
        Map<String, INDArray> p = net.paramTable(false);
        boolean pool = conf.getVertices().get(vertex) instanceof LayerVertex l && l.getLayerConf().getLayer() instanceof AttentionPool;
        String keySource = sources.size() > 1 ? sources.get(1) : sources.get(0);
        INDArray kv = acts.get(keySource).slice(0).castTo(DataType.DOUBLE); // [d, T]
        int heads = maps.heads();
        int h = Math.max(0, Math.min(head, heads - 1));
        INDArray wk = p.get(vertex + "_" + SelfAttention.WK).castTo(DataType.DOUBLE).slice(h); // [hs, d]
        INDArray wv = p.get(vertex + "_" + SelfAttention.WV).castTo(DataType.DOUBLE).slice(h);
        INDArray q;
        int i;
        if (pool) {
            i = 0;
            q = p.get(vertex + "_" + AttentionPool.Q).castTo(DataType.DOUBLE).slice(h).reshape(-1, 1); // [hs, 1]
        } else {
            INDArray x = acts.get(sources.get(0)).slice(0).castTo(DataType.DOUBLE);
            i = Math.max(0, Math.min(position, (int) x.size(1) - 1));
            INDArray wq = p.get(vertex + "_" + SelfAttention.WQ).castTo(DataType.DOUBLE).slice(h);
            q = wq.mmul(x.getColumn(i).reshape(-1, 1)); // [hs, 1]
        }
        long hs = q.length();
        INDArray keys = wk.mmul(kv); // [hs, T]
        double[] scores = q.reshape(1, hs).mmul(keys).muli(1.0 / Math.sqrt(hs)).toDoubleVector();
        INDArray mask = keyMask(conf, keySource, one);
        double top = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < scores.length; j++) {
            if (mask != null && mask.getDouble(0, j) == 0) {
                scores[j] = Double.NaN; // masked: takes no part in the softmax
            } else {
                top = Math.max(top, scores[j]);
            }
        }
        double[] mine = new double[scores.length];
        double total = 0;
        for (int j = 0; j < scores.length; j++) {
            mine[j] = Double.isNaN(scores[j]) ? 0 : Math.exp(scores[j] - top);
            total += mine[j];
        }
        float[] row = maps.map(0, h).getRow(i).castTo(DataType.FLOAT).toFloatVector();
        double error = 0;
        for (int j = 0; j < mine.length; j++) {
            mine[j] /= total;
            error = Math.max(error, Math.abs(mine[j] - row[j]));
        }
        INDArray a = org.nd4j.linalg.factory.Nd4j.createFromArray(mine).reshape(-1, 1);
        float[] weighted = wv.mmul(kv).mmul(a).castTo(DataType.FLOAT).toFloatVector();
        List<String> queries = pool ? List.of("learned query") : keyLabels(conf, sources.get(0), one, -1);
        String queryLabel = i < queries.size() ? queries.get(i) : "t" + i;
        return new AttentionStep(i, queryLabel, h, heads, (int) hs, keyLabels(conf, keySource, one, scores.length),
                q.castTo(DataType.FLOAT).toFloatVector(), toFloat(scores), row, weighted, error);
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int j = 0; j < v.length; j++) {
            f[j] = (float) v[j];
        }
        return f;
    }

    /** The key positions' names: the example's tokens where the keys come from token ids, else t0, t1, … */
    private static List<String> keyLabels(ComputationGraphConfiguration conf, String vertex, Dataset one, int count) {
        int input = networkInput(conf, vertex);
        if (input >= 0 && count < 0) {
            return AxisLabels.of(one, input, 0);
        }
        return input >= 0 ? AxisLabels.of(one, input, 0, count) : AxisLabels.positions(count);
    }

    /** The padding mask {@code [1, T]} of the network input a sequence comes from, or null without one. */
    private static INDArray keyMask(ComputationGraphConfiguration conf, String vertex, Dataset one) {
        int input = networkInput(conf, vertex);
        return input < 0 || one.featureMasks() == null ? null : one.featureMasks()[input];
    }

    /** The network input a vertex's sequence comes from (following first inputs upstream), or −1. */
    static int networkInput(ComputationGraphConfiguration conf, String vertex) {
        String at = vertex;
        while (!conf.getNetworkInputs().contains(at)) {
            List<String> in = conf.getVertexInputs().get(at);
            if (in == null || in.isEmpty()) {
                return -1;
            }
            at = in.get(0);
        }
        return conf.getNetworkInputs().indexOf(at);
    }
}
