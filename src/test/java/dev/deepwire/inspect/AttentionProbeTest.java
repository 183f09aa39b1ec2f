package dev.deepwire.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.deepwire.SmallAttentionNetwork;
import dev.deepwire.compiler.layers.SelfAttention;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Attention weights recomputed from parameters and real inputs, verified against the block's own output. */
class AttentionProbeTest {
    private static final INDArray IDS = Nd4j.createFromArray(new double[][] {{1, 2, 3, 4, 5}, {6, 7, 8, 0, 0}});
    private static final INDArray MASK = Nd4j.createFromArray(new double[][] {{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0}});

    private static ComputationGraph network() {
        return SmallAttentionNetwork.build(3);
    }

    @Test
    void recomputedOutputEqualsTheBlocksActivation() {
        AttentionMaps maps = AttentionProbe.capture(network(), "attn", new INDArray[] {IDS}, new INDArray[] {MASK});
        assertThat(maps.verified()).isTrue();
        assertThat(maps.maxError()).isLessThan(1e-9);
        assertThat(maps.weights().shape()).containsExactly(2, 2, 5, 5);
    }

    @Test
    void softmaxIsOverKeysAndMaskedKeysGetNoWeight() {
        AttentionMaps maps = AttentionProbe.capture(network(), "attn", new INDArray[] {IDS}, new INDArray[] {MASK});
        INDArray rowSums = maps.weights().sum(3);
        assertThat(rowSums.equalsWithEps(Nd4j.ones(DataType.DOUBLE, 2, 2, 5), 1e-9)).as("each query's weights sum to 1").isTrue();
        INDArray padded = maps.weights().get(NDArrayIndex.point(1), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(3, 5));
        assertThat(padded.amaxNumber().doubleValue()).as("weight on padded keys").isLessThan(1e-9);
    }

    @Test
    void scoresAreScaledByTheSquareRootOfTheHeadSize() {
        ComputationGraph net = network();
        AttentionMaps maps = AttentionProbe.capture(net, "attn", new INDArray[] {IDS}, new INDArray[] {MASK});
        INDArray x = net.feedForward(new INDArray[] {IDS}, false, false).get("embed")
                .get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.all()); // [d, T], example 0 (no padding)
        Map<String, INDArray> p = net.getVertex("attn").paramTable(false);
        INDArray wq = p.get(SelfAttention.WQ).get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.all());
        INDArray wk = p.get(SelfAttention.WK).get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.all());
        INDArray q = wq.mmul(x);
        INDArray k = wk.mmul(x);
        INDArray scores = q.transpose().mmul(k).divi(Math.sqrt(4)); // head size 8 / 2 heads
        INDArray expected = Transforms.softmax(scores);
        assertThat(maps.map(0, 0).equalsWithEps(expected, 1e-9)).isTrue();
        INDArray unscaled = Transforms.softmax(q.transpose().mmul(k));
        assertThat(maps.map(0, 0).equalsWithEps(unscaled, 1e-6)).as("differs from the unscaled softmax").isFalse();
    }

    @Test
    void aBlockThatIsNotAttentionIsRefusedNamingTheAttentionBlocks() {
        assertThatThrownBy(() -> AttentionProbe.capture(network(), "pool", new INDArray[] {IDS}, new INDArray[] {MASK}))
                .hasMessageContaining("'pool' is not an attention block").hasMessageContaining("attn");
    }
}
