package dev.deepwire.compiler.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The residual add trains exactly as DL4J's {@code ElementWiseVertex(Add)} — outputs, gradients and parameters bit for
 * bit, on vectors and on masked sequences — and hands each input its own gradient array and a shared mask on as it is.
 */
class ResidualAddTest {

    @Test
    void vectorsTrainAsDl4jsAdd() {
        ComputationGraph dl4j = vectors(new ElementWiseVertex(ElementWiseVertex.Op.Add));
        ComputationGraph ours = vectors(new ResidualAdd());
        assertThat(ours.getVertex("sum")).isInstanceOf(ResidualAddImpl.class);
        Random random = new Random(2);
        for (int step = 0; step < 5; step++) {
            INDArray x = Nd4j.rand(DataType.FLOAT, 16, 6).subi(0.5);
            INDArray y = Nd4j.zeros(DataType.FLOAT, 16, 3);
            for (int i = 0; i < 16; i++) {
                y.putScalar(i, random.nextInt(3), 1);
            }
            sameStep(dl4j, ours, new MultiDataSet(x, y), step);
        }
    }

    @Test
    void maskedSequencesTrainAsDl4jsAdd() {
        ComputationGraph dl4j = sequences(new ElementWiseVertex(ElementWiseVertex.Op.Add));
        ComputationGraph ours = sequences(new ResidualAdd());
        Random random = new Random(4);
        for (int step = 0; step < 4; step++) {
            INDArray x = Nd4j.rand(DataType.FLOAT, 8, 3, 7);
            INDArray y = Nd4j.zeros(DataType.FLOAT, 8, 2, 7);
            INDArray mask = Nd4j.zeros(DataType.FLOAT, 8, 7);
            for (int i = 0; i < 8; i++) {
                int length = 2 + random.nextInt(6);
                for (int t = 0; t < 7; t++) {
                    y.putScalar(new int[] {i, random.nextInt(2), t}, 1);
                    mask.putScalar(i, t, t < length ? 1 : 0);
                }
            }
            MultiDataSet data = new MultiDataSet(new INDArray[] {x}, new INDArray[] {y}, new INDArray[] {mask},
                    new INDArray[] {mask});
            sameStep(dl4j, ours, data, step);
            // the layers hand the features' mask on unchanged, so both inputs of the sum carry that one array: handed on
            INDArray fromA = ours.getVertex("a").feedForwardMaskArrays(new INDArray[] {mask}, MaskState.Active, 8).getFirst();
            INDArray fromB = ours.getVertex("b").feedForwardMaskArrays(new INDArray[] {fromA}, MaskState.Active, 8).getFirst();
            assertThat(fromA).isSameAs(mask);
            assertThat(fromB).isSameAs(mask);
            assertThat(ours.getVertex("sum").feedForwardMaskArrays(new INDArray[] {fromA, fromB}, MaskState.Active, 8)
                    .getFirst()).isSameAs(mask);
        }
    }

    private static void sameStep(ComputationGraph dl4j, ComputationGraph ours, MultiDataSet data, int step) {
        assertThat(ours.output(false, data.getFeatures(), data.getFeaturesMaskArrays())[0])
                .as("output before step %d", step).isEqualTo(dl4j.output(false, data.getFeatures(), data.getFeaturesMaskArrays())[0]);
        dl4j.fit(data);
        ours.fit(data);
        assertThat(ours.score()).as("loss at step %d", step).isEqualTo(dl4j.score());
        assertThat(ours.gradient().gradient()).as("gradients at step %d", step).isEqualTo(dl4j.gradient().gradient());
        assertThat(ours.params()).as("parameters after step %d", step).isEqualTo(dl4j.params());
    }

    @Test
    void eachInputGetsItsOwnGradientArray() {
        ComputationGraph ours = vectors(new ResidualAdd());
        ResidualAddImpl add = (ResidualAddImpl) ours.getVertex("sum");
        INDArray epsilon = Nd4j.rand(DataType.FLOAT, 4, 5);
        add.setEpsilon(epsilon);
        add.setInput(0, Nd4j.rand(DataType.FLOAT, 4, 5), LayerWorkspaceMgr.noWorkspaces());
        add.setInput(1, Nd4j.rand(DataType.FLOAT, 4, 5), LayerWorkspaceMgr.noWorkspaces());
        INDArray[] gradients = add.doBackward(false, LayerWorkspaceMgr.noWorkspaces()).getSecond();
        assertThat(gradients).hasSize(2);
        assertThat(gradients[0]).isEqualTo(epsilon).isNotSameAs(epsilon).isNotSameAs(gradients[1]);
        assertThat(gradients[1]).isEqualTo(epsilon).isNotSameAs(epsilon);
    }

    @Test
    void masksAsDl4jsOr() {
        ResidualAddImpl add = (ResidualAddImpl) vectors(new ResidualAdd()).getVertex("sum");
        INDArray m = Nd4j.createFromArray(new float[][] {{1, 1, 0}, {1, 0, 0}});
        INDArray other = Nd4j.createFromArray(new float[][] {{1, 0, 0}, {1, 1, 0}});
        Pair<INDArray, MaskState> same = add.feedForwardMaskArrays(new INDArray[] {m, m}, MaskState.Active, 2);
        assertThat(same.getFirst()).isSameAs(m);
        assertThat(same.getSecond()).isEqualTo(MaskState.Active);
        assertThat(add.feedForwardMaskArrays(new INDArray[] {m, other}, MaskState.Active, 2).getFirst())
                .isEqualTo(Nd4j.createFromArray(new float[][] {{1, 1, 0}, {1, 1, 0}}));
        assertThat(add.feedForwardMaskArrays(new INDArray[] {m, m.dup()}, MaskState.Active, 2).getFirst())
                .isEqualTo(m).isNotSameAs(m);
        assertThat(add.feedForwardMaskArrays(new INDArray[] {m, null}, MaskState.Active, 2).getFirst()).isNull();
        assertThat(add.feedForwardMaskArrays(null, MaskState.Active, 2).getFirst()).isNull();
    }

    @Test
    void savedAndLoadedKeepsTheVertex() throws Exception {
        ComputationGraph ours = vectors(new ResidualAdd());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(ours, bytes, true);
        ComputationGraph loaded = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes.toByteArray()), true);
        assertThat(loaded.getVertex("sum")).isInstanceOf(ResidualAddImpl.class);
        assertThat(loaded.getConfiguration()).isEqualTo(ours.getConfiguration());
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 6);
        assertThat(loaded.outputSingle(x)).isEqualTo(ours.outputSingle(x));
    }

    private static ComputationGraph vectors(GraphVertex add) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).updater(new Adam(0.02))
                .dataType(DataType.FLOAT).graphBuilder().addInputs("in")
                .addLayer("a", new DenseLayer.Builder().nIn(6).nOut(5).activation(Activation.TANH).build(), "in")
                .addLayer("b", new DenseLayer.Builder().nIn(5).nOut(5).activation(Activation.RELU).build(), "a")
                .addVertex("sum", add, "a", "b")
                .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).nIn(5).nOut(3).activation(Activation.SOFTMAX)
                        .build(), "sum")
                .setOutputs("out").build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    private static ComputationGraph sequences(GraphVertex add) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).updater(new Adam(0.02))
                .dataType(DataType.FLOAT).graphBuilder().addInputs("in")
                .addLayer("a", new LSTM.Builder().nIn(3).nOut(4).dataFormat(RNNFormat.NCW).build(), "in")
                .addLayer("b", new LSTM.Builder().nIn(4).nOut(4).dataFormat(RNNFormat.NCW).build(), "a")
                .addVertex("sum", add, "a", "b")
                .addLayer("after", new LSTM.Builder().nIn(4).nOut(4).dataFormat(RNNFormat.NCW).build(), "sum")
                .addLayer("out", new RnnOutputLayer.Builder(LossFunction.MCXENT).nIn(4).nOut(2).activation(Activation.SOFTMAX)
                        .dataFormat(RNNFormat.NCW).build(), "after")
                .setOutputs("out").build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }
}
