package dev.deepwire.compiler.layers;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Pool over time: the float Java loops give DL4J's GlobalPoolingLayer's figures (the layer the block used before)
 * and those of the double path (DL4J's own masked routine, gradient-checked with the other blocks), forward and
 * backward, mean and max, with and without a padding mask, and for an input that is a view.
 */
class TimePoolTest {
    private static final int B = 5;
    private static final int F = 7;
    private static final int T = 6;

    private static Layer layer(org.deeplearning4j.nn.conf.layers.Layer conf, DataType type) {
        ComputationGraphConfiguration c = new NeuralNetConfiguration.Builder().dataType(type).graphBuilder()
                .addInputs("in").setInputTypes(InputType.recurrent(F, T))
                .addLayer("pool", conf, "in")
                .addLayer("out", new LossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build(),
                        "pool")
                .setOutputs("out").build();
        ComputationGraph g = new ComputationGraph(c);
        g.init();
        return g.getLayer("pool");
    }

    /** Output and input gradient of the layer for x, mask (or null) and the output's gradient eps. */
    private static INDArray[] run(Layer l, INDArray x, INDArray mask, INDArray eps) {
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        l.setInput(x, mgr);
        l.feedForwardMaskArray(mask, MaskState.Active, (int) x.size(0));
        INDArray out = l.activate(true, mgr).dup();
        INDArray dx = l.backpropGradient(eps, mgr).getSecond().dup();
        return new INDArray[] {out, dx};
    }

    private static INDArray mask() {
        int[] lengths = {6, 3, 1, 6, 4};
        INDArray m = Nd4j.zeros(DataType.FLOAT, B, T);
        for (int e = 0; e < B; e++) {
            for (int j = 0; j < lengths[e]; j++) {
                m.putScalar(e, j, 1);
            }
        }
        return m;
    }

    private static double worst(INDArray a, INDArray b) {
        return Transforms.abs(a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)), false).maxNumber().doubleValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mean", "max", "mean masked", "max masked"})
    void floatLoopsGiveDl4jsFiguresAndTheDoublePaths(String kind) {
        boolean max = kind.startsWith("max");
        INDArray mask = kind.endsWith("masked") ? mask() : null;
        INDArray x = Nd4j.rand(DataType.DOUBLE, B, F, T).subi(0.5).castTo(DataType.FLOAT);
        INDArray eps = Nd4j.rand(DataType.DOUBLE, B, F).subi(0.5).castTo(DataType.FLOAT);

        INDArray[] host = run(layer(new TimePool(max), DataType.FLOAT), x, mask, eps);
        INDArray[] dl4j = run(layer(new GlobalPoolingLayer.Builder(max ? PoolingType.MAX : PoolingType.AVG)
                .collapseDimensions(true).build(), DataType.FLOAT), x, mask, eps);
        INDArray[] wide = run(layer(new TimePool(max), DataType.DOUBLE), x.castTo(DataType.DOUBLE),
                mask == null ? null : mask.castTo(DataType.DOUBLE), eps.castTo(DataType.DOUBLE));

        assertThat(host[0].shape()).containsExactly(B, F);
        assertThat(host[1].shape()).containsExactly(B, F, T);
        assertThat(host[0].dataType()).isEqualTo(DataType.FLOAT);
        assertThat(worst(host[0], dl4j[0])).as("output against DL4J's layer").isLessThan(1e-6);
        assertThat(worst(host[1], dl4j[1])).as("input gradient against DL4J's layer").isLessThan(1e-6);
        assertThat(worst(host[0], wide[0])).as("output against the double path").isLessThan(1e-6);
        assertThat(worst(host[1], wide[1])).as("input gradient against the double path").isLessThan(1e-6);
        if (mask != null) {
            assertThat(host[1].getDouble(2, 3, 1)).as("a masked position takes no gradient").isEqualTo(0.0);
            assertThat(host[0].getDouble(2, 3)).as("one kept position pools to itself").isEqualTo(x.getDouble(2, 3, 0));
        }
    }

    @Test
    void anInputThatIsAViewIsReadInItsOwnOrder() {
        INDArray wide = Nd4j.rand(DataType.FLOAT, B, F, T + 3);
        INDArray view = wide.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(1, T + 1));
        INDArray eps = Nd4j.rand(DataType.FLOAT, B, F);
        INDArray[] fromView = run(layer(new TimePool(false), DataType.FLOAT), view, mask(), eps);
        INDArray[] fromCopy = run(layer(new TimePool(false), DataType.FLOAT), view.dup('c'), mask(), eps);
        assertThat(worst(fromView[0], fromCopy[0])).isEqualTo(0.0);
        assertThat(worst(fromView[1], fromCopy[1])).isEqualTo(0.0);
    }

    /** A saved model keeps the pooling kind: the configuration reads back from its JSON as it was written. */
    @Test
    void keepsItsKindThroughTheSavedConfiguration() {
        for (boolean max : new boolean[] {true, false}) {
            ComputationGraphConfiguration c = new NeuralNetConfiguration.Builder().graphBuilder().addInputs("in")
                    .setInputTypes(InputType.recurrent(F, T)).addLayer("pool", new TimePool(max), "in")
                    .addLayer("out", new LossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                            .build(), "pool").setOutputs("out").build();
            ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(c.toJson());
            org.deeplearning4j.nn.conf.layers.Layer read =
                    ((org.deeplearning4j.nn.conf.graph.LayerVertex) back.getVertices().get("pool")).getLayerConf().getLayer();
            assertThat(read).isInstanceOf(TimePool.class);
            assertThat(((TimePool) read).isMax()).isEqualTo(max);
            TimePool other = (TimePool) read.clone();
            assertThat(read).isEqualTo(other);
            other.setMax(!max);
            assertThat(read).as("the other kind").isNotEqualTo(other);
        }
    }

    @Test
    void writesTheJavaThatBuildsIt() {
        assertThat(new TimePool(true).javaExpression()).isEqualTo("new TimePool(true)");
        assertThat(new TimePool(false).javaExpression()).isEqualTo("new TimePool(false)");
    }
}
