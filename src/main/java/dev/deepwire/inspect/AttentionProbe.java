package dev.deepwire.inspect;

import dev.deepwire.compiler.layers.SelfAttention;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.MultiHeadDotProductAttention;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Recomputes a self-attention block's weights from its parameters and its real input (masks included)
 * with ND4J's own {@code multi_head_dot_product_attention} op — an implementation independent of the block's —
 * and checks that the output recomputed from them equals the block's activation. So a heatmap shows what
 * the network computed, or the capture fails loudly.
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
        if (!(net.getVertex(nodeId) != null && net.getVertex(nodeId).getLayer() != null
                && net.getVertex(nodeId).getLayer().conf().getLayer() instanceof SelfAttention)) {
            throw new IllegalArgumentException("'" + nodeId + "' is not a self-attention block; choose one of "
                    + attentionNodes(net));
        }
        String source = net.getConfiguration().getVertexInputs().get(nodeId).get(0);
        net.setLayerMaskArrays(masks, null);
        Map<String, INDArray> acts;
        try {
            acts = net.feedForward(inputs, false, false);
        } finally {
            net.clearLayerMaskArrays();
        }
        INDArray x = acts.get(source);
        INDArray mask = masks == null || masks[0] == null ? null : masks[0].castTo(x.dataType());
        Map<String, INDArray> p = net.getVertex(nodeId).paramTable(false);
        INDArray[] out = Nd4j.exec(new MultiHeadDotProductAttention(x, x, x, p.get(SelfAttention.WQ), p.get(SelfAttention.WK),
                p.get(SelfAttention.WV), p.get(SelfAttention.WO), mask, true, true));
        double error = out[0].sub(acts.get(nodeId)).amaxNumber().doubleValue();
        // The op gives [batch, heads, keys, queries]: turn it so rows are queries.
        INDArray weights = out[1].permute(0, 1, 3, 2).dup('c');
        AttentionMaps maps = new AttentionMaps(nodeId, weights, error);
        if (!maps.verified()) {
            throw new NotVerified("the attention recomputed for '" + nodeId + "' differs from the block's output by "
                    + error + " (more than " + AttentionMaps.TOLERANCE + "); the heatmap would not show what the network computed");
        }
        return maps;
    }

    /** The ids of the self-attention blocks in a network. */
    public static List<String> attentionNodes(ComputationGraph net) {
        return net.getConfiguration().getVertices().keySet().stream()
                .filter(id -> net.getVertex(id).getLayer() != null
                        && net.getVertex(id).getLayer().conf().getLayer() instanceof SelfAttention)
                .sorted().toList();
    }
}
