package dev.deepwire.compiler.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The lean dense layer is DL4J's dense layer — the same settings, and the same training bit for bit — for ReLU and the
 * identity (its backward pass from the forward pass's output) and for other activations (DL4J's code); with dropout it
 * trains.
 */
class LeanDenseLayerTest {

    @Test
    void copiesEverySetting() {
        DenseLayer plain = new DenseLayer.Builder().nIn(5).nOut(7).activation(Activation.TANH).biasInit(0.25).l2(0.01)
                .dropOut(new Dropout(0.8)).name("h").build();
        LeanDenseLayer lean = LeanDenseLayer.of(plain);
        assertThat(lean.getNIn()).isEqualTo(5);
        assertThat(lean.getNOut()).isEqualTo(7);
        assertThat(lean.getBiasInit()).isEqualTo(0.25);
        assertThat(lean.getActivationFn()).isEqualTo(plain.getActivationFn());
        assertThat(lean.getRegularization()).isEqualTo(plain.getRegularization());
        assertThat(lean.getIDropout()).isEqualTo(plain.getIDropout());
        assertThat(lean.getLayerName()).isEqualTo("h");
    }

    @Test
    void reluAndIdentityTrainAsDl4jsBitForBit() {
        sameTraining(Activation.RELU, null, 5);
        sameTraining(Activation.IDENTITY, null, 5);
    }

    @Test
    void otherActivationsRunDl4jsCode() {
        sameTraining(Activation.TANH, null, 3);
        sameTraining(Activation.SIGMOID, null, 3);
    }

    /** With dropout DL4J's code runs (two DL4J networks with dropout do not draw the same masks, so no bit-for-bit). */
    @Test
    void dropoutTrains() {
        ComputationGraph ours = net(true, Activation.RELU, new Dropout(0.7));
        INDArray before = ours.params().dup();
        Random random = new Random(3);
        for (int step = 0; step < 3; step++) {
            ours.fit(batch(random));
        }
        assertThat(ours.params()).isNotEqualTo(before);
        assertThat(ours.params().isInfinite().any() || ours.params().isNaN().any()).isFalse();
    }

    @Test
    void savedAndLoadedKeepsTheLayer() throws Exception {
        ComputationGraph ours = net(true, Activation.RELU, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(ours, bytes, true);
        ComputationGraph loaded = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes.toByteArray()), true);
        assertThat(loaded.getLayer("h1")).isInstanceOf(LeanDenseLayerImpl.class);
        assertThat(loaded.getConfiguration()).isEqualTo(ours.getConfiguration());
        MultiDataSet data = batch(new Random(9));
        ours.fit(data);
        loaded.fit(data);
        assertThat(loaded.params()).isEqualTo(ours.params());
    }

    private static void sameTraining(Activation activation, Dropout dropout, int steps) {
        ComputationGraph dl4j = net(false, activation, dropout);
        ComputationGraph ours = net(true, activation, dropout);
        assertThat(ours.getLayer("h1")).isInstanceOf(LeanDenseLayerImpl.class);
        assertThat(ours.params()).isEqualTo(dl4j.params());
        Random random = new Random(7);
        for (int step = 0; step < steps; step++) {
            MultiDataSet data = batch(random);
            Nd4j.getRandom().setSeed(step);
            dl4j.fit(data);
            Nd4j.getRandom().setSeed(step);
            ours.fit(data);
            assertThat(ours.gradient().gradient()).as("%s, gradients at step %d", activation, step)
                    .isEqualTo(dl4j.gradient().gradient());
            assertThat(ours.params()).as("%s, parameters after step %d", activation, step).isEqualTo(dl4j.params());
        }
    }

    private static MultiDataSet batch(Random random) {
        INDArray x = Nd4j.create(DataType.FLOAT, 12, 6);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 12, 3);
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 6; j++) {
                x.putScalar(i, j, random.nextGaussian());
            }
            y.putScalar(i, random.nextInt(3), 1);
        }
        return new MultiDataSet(x, y);
    }

    private static ComputationGraph net(boolean lean, Activation activation, Dropout dropout) {
        DenseLayer.Builder first = new DenseLayer.Builder().nIn(6).nOut(8).activation(activation);
        DenseLayer.Builder second = new DenseLayer.Builder().nIn(8).nOut(5).activation(activation);
        if (dropout != null) { // one object each: a Dropout keeps its layer's mask
            first.dropOut(dropout.clone());
            second.dropOut(dropout.clone());
        }
        Layer h1 = lean ? LeanDenseLayer.of(first.build()) : first.build();
        Layer h2 = lean ? LeanDenseLayer.of(second.build()) : second.build();
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(13).updater(new Adam(0.02))
                .dataType(DataType.FLOAT).graphBuilder().addInputs("in")
                .addLayer("h1", h1, "in")
                .addLayer("h2", h2, "h1")
                .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).nIn(5).nOut(3).activation(Activation.SOFTMAX)
                        .build(), "h2")
                .setOutputs("out").build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }
}
