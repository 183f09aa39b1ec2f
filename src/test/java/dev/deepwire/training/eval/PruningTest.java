package dev.deepwire.training.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepwire.GraphFixture;
import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.compiler.layers.SelfAttention;
import dev.deepwire.model.BlockCatalog;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Head removal and magnitude pruning make smaller copies that compute what they should; the original stays. */
class PruningTest {
    private static final int D = 8;
    private static final int T = 5;

    /** sequence [b, 8, 5] (masked) → self-attention, 4 heads → transformer block, 2 heads → mean → 3 classes. */
    private static ComputationGraph net() {
        var g = new GraphFixture().node("x", "sequence_input", "features", D, "length", T, "masked", true)
                .node("attn", "self_attention", "heads", 4)
                .node("block", "transformer_block", "heads", 2, "hidden", 16, "activation", "relu", "dropout", 0.0)
                .node("pool", "global_pool", "mode", "mean").node("o", "softmax_output", "classes", 3)
                .wire("x.out", "attn.in").wire("attn.out", "block.in").wire("block.out", "pool.in").wire("pool.out", "o.in")
                .graph();
        return new GraphCompiler(BlockCatalog.standard()).compile(g, CompileOptions.forGradientCheck(7)).orThrow().instantiate();
    }

    private static INDArray[] input() {
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 6, D, T);
        INDArray mask = Nd4j.ones(DataType.DOUBLE, 6, T);
        mask.putScalar(0, 4, 0.0); // one padded position: the mask still counts
        mask.putScalar(1, 3, 0.0);
        mask.putScalar(1, 4, 0.0);
        return new INDArray[] {x, mask};
    }

    private static INDArray out(ComputationGraph n) {
        INDArray[] in = input();
        return n.output(false, new INDArray[] {in[0]}, new INDArray[] {in[1]}, null)[0];
    }

    /** The original with one head's share of Wo set to zero: that head's output no longer reaches the block's. */
    private static ComputationGraph zeroed(ComputationGraph net, String block, int head, int width) {
        ComputationGraph copy = net.clone();
        copy.paramTable().get(block + "_" + SelfAttention.WO)
                .get(NDArrayIndex.interval(head * width, (head + 1) * width), NDArrayIndex.all()).assign(0.0);
        return copy;
    }

    @Test
    void removingAHeadEqualsZeroingIt() {
        ComputationGraph net = net();
        INDArray before = net.params().dup();
        assertThat(HeadRemoval.heads(net)).containsEntry("attn", 4).containsEntry("block.attention", 2);

        ComputationGraph slim = HeadRemoval.remove(net, List.of(new HeadRemoval.Head("attn", 1)));
        ComputationGraph reference = zeroed(net, "attn", 1, D / 4);
        assertThat(HeadRemoval.heads(slim)).containsEntry("attn", 3);
        assertThat(slim.paramTable().get("attn_Wq").shape()).containsExactly(3, D / 4, D);
        assertThat(slim.paramTable().get("attn_Wo").shape()).containsExactly(3L * D / 4, D);
        assertThat(slim.params().length()).isEqualTo(net.params().length() - 4L * (D / 4) * D);
        assertThat(out(slim).equalsWithEps(out(reference), 1e-10)).as("same output as with the head zeroed").isTrue();
        assertThat(out(slim).equalsWithEps(out(net), 1e-6)).as("and the head did matter").isFalse();
        assertThat(net.params()).as("the original is unchanged").isEqualTo(before);
    }

    @Test
    void headsOfSeveralBlocksGoTogetherAndEachBlockKeepsOne() {
        ComputationGraph net = net();
        ComputationGraph slim = HeadRemoval.remove(net, List.of(new HeadRemoval.Head("attn", 0),
                new HeadRemoval.Head("attn", 3), new HeadRemoval.Head("block.attention", 1)));
        ComputationGraph reference = zeroed(zeroed(zeroed(net, "attn", 0, 2), "attn", 3, 2), "block.attention", 1, 4);
        assertThat(out(slim).equalsWithEps(out(reference), 1e-10)).isTrue();
        assertThatThrownBy(() -> HeadRemoval.remove(net, List.of(new HeadRemoval.Head("block.attention", 0),
                new HeadRemoval.Head("block.attention", 1)))).hasMessageContaining("at least one");
        assertThatThrownBy(() -> HeadRemoval.remove(net, List.of(new HeadRemoval.Head("pool", 0))))
                .hasMessageContaining("not a self-attention block");
    }

    @Test
    void magnitudePruningAtZeroChangesNothing() {
        ComputationGraph net = net();
        MagnitudePruning.Pruned p = MagnitudePruning.prune(net, 0.0);
        assertThat(p.zeroed()).isZero();
        assertThat(p.net().params()).isEqualTo(net.params());
        assertThat(out(p.net()).equalsWithEps(out(net), 0)).isTrue();
    }

    @Test
    void magnitudePruningZeroesTheSmallestWeightsOfEachMatrixAndTheMaskHoldsThemDuringTraining() {
        ComputationGraph net = net();
        INDArray before = net.params().dup();
        MagnitudePruning.Pruned p = MagnitudePruning.prune(net, 0.5);
        assertThat(MagnitudePruning.prunableKeys(net)).contains("attn_Wq", "attn_Wo", "block.ffn_W1", "o_W")
                .doesNotContain("o_b", "block_gain");
        INDArray wq = p.net().paramTable().get("attn_Wq");
        INDArray original = net.paramTable().get("attn_Wq");
        long zeros = wq.eq(0.0).castTo(DataType.INT).sumNumber().longValue();
        assertThat(zeros).isEqualTo(wq.length() / 2);
        double largestGone = Transforms.abs(original.mul(wq.eq(0.0).castTo(DataType.DOUBLE))).maxNumber().doubleValue();
        double smallestKept = Transforms.abs(wq).add(wq.eq(0.0).castTo(DataType.DOUBLE).mul(1e9)).minNumber().doubleValue();
        assertThat(largestGone).isLessThanOrEqualTo(smallestKept);
        assertThat(net.params()).as("the original is unchanged").isEqualTo(before);

        INDArray[] in = input();
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 6, 3);
        for (int i = 0; i < 6; i++) {
            y.putScalar(i, i % 3, 1.0);
        }
        var batch = new org.nd4j.linalg.dataset.MultiDataSet(new INDArray[] {in[0]}, new INDArray[] {y},
                new INDArray[] {in[1]}, null);
        INDArray kept = p.net().paramTable().get("attn_Wq").dup();
        p.fineTune(List.of(batch), 3, 1);
        INDArray after = p.net().paramTable().get("attn_Wq");
        assertThat(after.eq(0.0).castTo(DataType.INT).sumNumber().longValue()).as("pruned weights stay zero").isEqualTo(zeros);
        assertThat(after.equalsWithEps(kept, 1e-12)).as("the kept weights did train").isFalse();
    }

    /**
     * A slimmed copy was saved as trained for 0 steps (DL4J's clone starts the counts again), and the inspector showed
     * it at "step 0": copies keep the original's step and epoch counts, and fine-tuning adds its own steps to them.
     */
    @Test
    void slimmedCopiesKeepTheStepsTheOriginalTrainedAndFineTuningAddsItsOwn() {
        ComputationGraph net = net();
        net.getConfiguration().setIterationCount(626);
        net.getConfiguration().setEpochCount(2);
        ComputationGraph headless = HeadRemoval.remove(net, List.of(new HeadRemoval.Head("attn", 1)));
        assertThat(headless.getConfiguration().getIterationCount()).isEqualTo(626);
        assertThat(headless.getConfiguration().getEpochCount()).isEqualTo(2);
        MagnitudePruning.Pruned p = MagnitudePruning.prune(net, 0.5);
        assertThat(p.net().getConfiguration().getIterationCount()).isEqualTo(626);
        INDArray[] in = input();
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 6, 3);
        for (int i = 0; i < 6; i++) {
            y.putScalar(i, i % 3, 1.0);
        }
        p.fineTune(List.of(new org.nd4j.linalg.dataset.MultiDataSet(new INDArray[] {in[0]}, new INDArray[] {y},
                new INDArray[] {in[1]}, null)), 3, 1);
        assertThat(p.net().getConfiguration().getIterationCount()).as("3 epochs of one batch more").isEqualTo(629);
    }
}
