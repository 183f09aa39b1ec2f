package dev.deepwire.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.SmallAttentionNetwork;
import dev.deepwire.compiler.layers.SelfAttention;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.MultiHeadDotProductAttention;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The hand-written attention computes what ND4J's reference op computes with the same parameters, and
 * padded keys change nothing.
 */
class SelfAttentionTest {

    private static ComputationGraph network() {
        return SmallAttentionNetwork.build(5);
    }

    private static Map<String, INDArray> forward(ComputationGraph net, INDArray ids, INDArray mask) {
        net.setLayerMaskArrays(new INDArray[] {mask}, null);
        Map<String, INDArray> acts = net.feedForward(new INDArray[] {ids}, false, false);
        net.clearLayerMaskArrays();
        return acts;
    }

    @Test
    void matchesNd4jsReferenceAttentionOp() {
        ComputationGraph net = network();
        INDArray ids = Nd4j.createFromArray(new double[][] {{1, 2, 3, 4, 5}, {6, 7, 8, 0, 0}});
        INDArray mask = Nd4j.createFromArray(new double[][] {{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0}});
        Map<String, INDArray> acts = forward(net, ids, mask);
        Map<String, INDArray> p = net.getVertex("attn").paramTable(false);
        INDArray x = acts.get("embed");
        INDArray expected = Nd4j.exec(new MultiHeadDotProductAttention(x, x, x, p.get(SelfAttention.WQ), p.get(SelfAttention.WK),
                p.get(SelfAttention.WV), p.get(SelfAttention.WO), mask.castTo(DataType.DOUBLE), true, false))[0];
        assertThat(acts.get("attn").equalsWithEps(expected, 1e-9)).as("hand-written attention = ND4J's op").isTrue();
    }

    @Test
    void paddedTokensDoNotChangeTheOtherPositions() {
        ComputationGraph net = network();
        INDArray mask = Nd4j.createFromArray(new double[][] {{1, 1, 1, 0, 0}, {1, 1, 1, 0, 0}});
        INDArray ids = Nd4j.createFromArray(new double[][] {{1, 2, 3, 4, 5}, {1, 2, 3, 8, 7}});
        INDArray attn = forward(net, ids, mask).get("attn");
        INDArray first = attn.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.interval(0, 3));
        INDArray second = attn.get(NDArrayIndex.point(1), NDArrayIndex.all(), NDArrayIndex.interval(0, 3));
        assertThat(first.equalsWithEps(second, 1e-12)).isTrue();
        INDArray unmasked = forward(net, ids, Nd4j.ones(DataType.DOUBLE, 2, 5)).get("attn");
        assertThat(unmasked.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.interval(0, 3))
                .equalsWithEps(unmasked.get(NDArrayIndex.point(1), NDArrayIndex.all(), NDArrayIndex.interval(0, 3)), 1e-12))
                .as("without the mask the padded tokens do change them").isFalse();
    }
}
