package dev.deepwire.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.deepwire.SmallAttentionNetwork;
import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.compiler.FamilyGraphs;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.compiler.RandomBatch;
import dev.deepwire.compiler.VertexActivations;
import dev.deepwire.compiler.layers.SelfAttention;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Graph;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The intervened attention forward: with no intervention it reproduces the network's own output; a zeroed head
 * equals the hand computation (and the network with that head's rows of Wo zeroed); pinned rows and mean
 * ablation do what they say; the trained network is never changed. Self-attention, a transformer block's inner
 * attention, cross-attention and attention pooling alike.
 */
class AttentionForwardTest {
    private static final INDArray IDS = Nd4j.createFromArray(new double[][] {{1, 2, 3, 4, 5}, {6, 7, 8, 0, 0}});
    private static final INDArray MASK = Nd4j.createFromArray(new double[][] {{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0}});
    private DataType defaultType;
    private DataType defaultFloat;

    @BeforeEach
    void keepDefaults() {
        defaultType = Nd4j.dataType();
        defaultFloat = Nd4j.defaultFloatingPointType();
    }

    @AfterEach
    void restoreDefaults() {
        Nd4j.setDefaultDataTypes(defaultType, defaultFloat);
    }

    @Test
    void switchingOffNoHeadReproducesTheNetworksOwnOutputExactly() {
        ComputationGraph net = SmallAttentionNetwork.build(3);
        INDArray own = net.output(false, new INDArray[] {IDS}, new INDArray[] {MASK})[0];
        INDArray mine = AttentionForward.run(net, new INDArray[] {IDS}, new INDArray[] {MASK}, Intervention.none("attn"), null).outputs()[0];
        assertThat(mine.sub(own).amaxNumber().doubleValue()).isZero();
    }

    @Test
    void everyKindOfAttentionBlockReproducesTheNetworksOwnOutputWithNothingSwitchedOff() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Graph g = FamilyGraphs.crossModal().graph();
        CompiledNetwork compiled = new GraphCompiler(BlockCatalog.standard())
                .compile(g, new CompileOptions(DataType.FLOAT, 5, new Adam(1e-3))).orThrow();
        ComputationGraph net = compiled.instantiate();
        RandomBatch batch = RandomBatch.of(g, compiled, 3, 1, DataType.FLOAT, 2);
        INDArray own = net.output(false, batch.inputs(), batch.masks())[0];
        for (String node : List.of("imageBlock", "look", "textPool")) {
            INDArray mine = AttentionForward.run(net, batch.inputs(), batch.masks(), Intervention.none(node), null).outputs()[0];
            assertThat(mine.sub(own).amaxNumber().doubleValue()).as(node).isZero();
            INDArray changed = AttentionForward.run(net, batch.inputs(), batch.masks(), Intervention.headOff(node, 0, Ablation.ZERO), null)
                    .outputs()[0];
            assertThat(changed.sub(own).amaxNumber().doubleValue()).as(node + " with head 0 off").isGreaterThan(1e-7);
        }
    }

    @Test
    void zeroingAHeadEqualsTheHandComputationOnASmallBlock() {
        ComputationGraph net = SmallAttentionNetwork.build(3);
        Map<String, INDArray> acts = VertexActivations.of(net, new INDArray[] {IDS}, new INDArray[] {MASK}, null, false);
        INDArray out = AttentionForward.block(net, "attn", acts, new INDArray[] {MASK}, Intervention.headOff("attn", 1, Ablation.ZERO), null)
                .output();
        double[][][] hand = handAttention(net, acts.get("embed"), new boolean[] {true, false});
        for (int e = 0; e < 2; e++) {
            for (int c = 0; c < 8; c++) {
                for (int t = 0; t < 5; t++) {
                    assertThat(out.getDouble(e, c, t)).as("example %d, feature %d, position %d", e, c, t)
                            .isCloseTo(hand[e][c][t], org.assertj.core.data.Offset.offset(1e-12));
                }
            }
        }
    }

    @Test
    void zeroingAHeadEqualsZeroingItsRowsOfTheOutputProjectionOnACopy() {
        ComputationGraph net = SmallAttentionNetwork.build(4);
        INDArray before = net.params().dup();
        INDArray mine = AttentionForward.run(net, new INDArray[] {IDS}, new INDArray[] {MASK},
                Intervention.headOff("attn", 0, Ablation.ZERO), null).outputs()[0];
        assertThat(net.params().equals(before)).as("the trained network is unchanged").isTrue();
        ComputationGraph copy = net.clone();
        copy.paramTable(false).get("attn_" + SelfAttention.WO).get(NDArrayIndex.interval(0, 4), NDArrayIndex.all()).assign(0);
        INDArray cut = copy.output(false, new INDArray[] {IDS}, new INDArray[] {MASK})[0];
        assertThat(mine.sub(cut).amaxNumber().doubleValue()).isLessThan(1e-12);
    }

    @Test
    void aPinnedRowAttendsAsPinnedAndOnlyItsExampleChanges() {
        ComputationGraph net = SmallAttentionNetwork.build(3);
        Intervention pinned = Intervention.none("attn").withPin(Intervention.Pin.onto(0, 1, 2, 4, 5));
        Map<String, INDArray> acts = VertexActivations.of(net, new INDArray[] {IDS}, new INDArray[] {MASK}, null, false);
        AttentionForward.Block b = AttentionForward.block(net, "attn", acts, new INDArray[] {MASK}, pinned, null);
        AttentionForward.Block plain = AttentionForward.block(net, "attn", acts, new INDArray[] {MASK}, Intervention.none("attn"), null);
        assertThat(b.weights().getDouble(0, 1, 2, 4)).isEqualTo(1.0);
        assertThat(b.weights().getDouble(0, 1, 2, 0)).isZero();
        // The head's output at that row is now exactly position 4's value vector.
        INDArray wv = net.paramTable(false).get("attn_" + SelfAttention.WV).slice(1); // [hs, d]
        INDArray v4 = wv.mmul(acts.get("embed").slice(0).getColumn(4).reshape(8, 1)).reshape(4);
        assertThat(b.heads().get(NDArrayIndex.point(0), NDArrayIndex.point(1), NDArrayIndex.point(2), NDArrayIndex.all())
                .sub(v4).amaxNumber().doubleValue()).isLessThan(1e-12);
        assertThat(b.output().slice(1).equals(plain.output().slice(1))).as("the other example").isTrue();
        assertThat(b.output().slice(0).equals(plain.output().slice(0))).as("the pinned example").isFalse();
        assertThat(AttentionForward.block(net, "attn", acts, new INDArray[] {MASK}, pinned.withoutPins(), null).output())
                .isEqualTo(plain.output());
    }

    @Test
    void meanAblationPutsTheHeadsValidationMeanInItsPlace() {
        ComputationGraph net = SmallAttentionNetwork.build(3);
        var data = new dev.deepwire.data.Dataset(new INDArray[] {IDS}, new INDArray[] {MASK},
                new INDArray[] {Nd4j.createFromArray(new double[][] {{1, 0, 0}, {0, 1, 0}})}, List.of("a", "b", "c"));
        HeadMeans means = HeadMeans.of(net, "attn", data);
        Map<String, INDArray> acts = VertexActivations.of(net, new INDArray[] {IDS}, new INDArray[] {MASK}, null, false);
        INDArray heads = AttentionForward.block(net, "attn", acts, new INDArray[] {MASK}, Intervention.none("attn"), null).heads();
        // By hand: the 5 + 3 unpadded positions of head 0, averaged.
        INDArray sum = heads.get(NDArrayIndex.point(0), NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.all()).sum(0)
                .add(heads.get(NDArrayIndex.point(1), NDArrayIndex.point(0), NDArrayIndex.interval(0, 3), NDArrayIndex.all()).sum(0));
        assertThat(means.of(0).sub(sum.div(8)).amaxNumber().doubleValue()).isLessThan(1e-12);
        INDArray off = AttentionForward.block(net, "attn", acts, new INDArray[] {MASK}, Intervention.headOff("attn", 0, Ablation.MEAN), means)
                .heads();
        assertThat(off.get(NDArrayIndex.point(1), NDArrayIndex.point(0), NDArrayIndex.point(4), NDArrayIndex.all()).sub(means.of(0))
                .amaxNumber().doubleValue()).isZero();
        assertThatThrownBy(() -> AttentionForward.block(net, "attn", acts, new INDArray[] {MASK},
                Intervention.headOff("attn", 0, Ablation.MEAN), null)).hasMessageContaining("validation means");
    }

    @Test
    void aHeadOrRowThatDoesNotExistIsRefusedNamingTheBlock() {
        ComputationGraph net = SmallAttentionNetwork.build(3);
        INDArray[] in = {IDS};
        INDArray[] m = {MASK};
        assertThatThrownBy(() -> AttentionForward.run(net, in, m, Intervention.headOff("attn", 2, Ablation.ZERO), null))
                .hasMessageContaining("'attn' has no head 2; its heads are 0 to 1");
        assertThatThrownBy(() -> AttentionForward.run(net, in, m, Intervention.none("attn").withPin(Intervention.Pin.onto(0, 0, 0, 1, 3)), null))
                .hasMessageContaining("needs 5 weights");
    }

    /**
     * The block by hand with plain loops: per kept head, scores q·k/√hs (padded keys left out), softmax, the
     * weighted values, projected by that head's rows of Wo; output [example][feature][position].
     */
    private static double[][][] handAttention(ComputationGraph net, INDArray x, boolean[] keep) {
        Map<String, INDArray> p = net.paramTable(false);
        INDArray wq = p.get("attn_Wq");
        INDArray wk = p.get("attn_Wk");
        INDArray wv = p.get("attn_Wv");
        INDArray wo = p.get("attn_Wo");
        int d = 8;
        int hs = 4;
        int t = 5;
        double[][][] y = new double[2][d][t];
        for (int e = 0; e < 2; e++) {
            for (int h = 0; h < 2; h++) {
                if (!keep[h]) {
                    continue;
                }
                double[][] q = project(wq, h, x, e);
                double[][] k = project(wk, h, x, e);
                double[][] v = project(wv, h, x, e);
                for (int i = 0; i < t; i++) {
                    double[] a = new double[t];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < t; j++) {
                        double s = 0;
                        for (int c = 0; c < hs; c++) {
                            s += q[i][c] * k[j][c];
                        }
                        a[j] = MASK.getDouble(e, j) > 0 ? s / Math.sqrt(hs) : Double.NEGATIVE_INFINITY;
                        max = Math.max(max, a[j]);
                    }
                    double z = 0;
                    for (int j = 0; j < t; j++) {
                        a[j] = Math.exp(a[j] - max);
                        z += a[j];
                    }
                    for (int c = 0; c < hs; c++) {
                        double o = 0;
                        for (int j = 0; j < t; j++) {
                            o += a[j] / z * v[j][c];
                        }
                        for (int f = 0; f < d; f++) {
                            y[e][f][i] += o * wo.getDouble(h * hs + c, f);
                        }
                    }
                }
            }
        }
        return y;
    }

    /** Head h's projection of example e's positions: [position][c]. */
    private static double[][] project(INDArray w, int h, INDArray x, int e) {
        double[][] out = new double[5][4];
        for (int i = 0; i < 5; i++) {
            for (int c = 0; c < 4; c++) {
                for (int f = 0; f < 8; f++) {
                    out[i][c] += w.getDouble(h, c, f) * x.getDouble(e, f, i);
                }
            }
        }
        return out;
    }
}
