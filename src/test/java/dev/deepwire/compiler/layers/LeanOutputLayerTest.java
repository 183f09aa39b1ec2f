package dev.deepwire.compiler.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.training.backend.TrainingJvm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
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
 * DeepWire's output layer trains exactly as DL4J's: the same loss (taken from the backward pass's probabilities) and
 * the same gradients, bit for bit, step after step — a softmax classifier at the samples' sizes and larger ones, a
 * sigmoid output of one and of several units, hard and soft labels; the loss of a batch scored apart (no backward pass
 * before it), a masked batch, another loss and a network saved and loaded again also as DL4J's.
 */
class LeanOutputLayerTest {

    /** The output layer's loss, activation and labels. */
    private enum Kind {
        SOFTMAX(LossFunction.MCXENT, Activation.SOFTMAX),
        SIGMOID(LossFunction.XENT, Activation.SIGMOID),
        SQUARED(LossFunction.MSE, Activation.IDENTITY);

        final LossFunction loss;
        final Activation activation;

        Kind(LossFunction loss, Activation activation) {
            this.loss = loss;
            this.activation = activation;
        }

        OutputLayer.Builder builder(int units) {
            return new OutputLayer.Builder(loss).nIn(8).nOut(units).activation(activation);
        }
    }

    @Test
    void aSoftmaxClassifierTrainsAsDl4jsBitForBit() {
        sameTraining(Kind.SOFTMAX, false, 64, 64, 32, 6); // marker: 64 examples, 64 features, 32 classes
        sameTraining(Kind.SOFTMAX, false, 32, 48, 1000, 3);
        sameTraining(Kind.SOFTMAX, false, 256, 16, 300, 3);
    }

    @Test
    void aSigmoidOutputTrainsAsDl4jsBitForBit() {
        sameTraining(Kind.SIGMOID, false, 64, 32, 1, 6); // digits-caption: one unit
        sameTraining(Kind.SIGMOID, false, 128, 16, 12, 3);
        sameTraining(Kind.SIGMOID, true, 64, 16, 5, 3);
    }

    /**
     * Labels that are distributions (every term of the loss non-zero): a sum of the terms in another order than
     * libnd4j's — a plain float loop, say — gives another last bit here (in the training process; see below).
     */
    @Test
    void softLabels() {
        sameTraining(Kind.SOFTMAX, true, 64, 64, 32, 4);
        sameTraining(Kind.SOFTMAX, true, 16, 8, 500, 2);
    }

    @Test
    void anotherLossRunsDl4jsCode() {
        sameTraining(Kind.SQUARED, true, 32, 8, 3, 3);
    }

    /**
     * This test JVM runs libnd4j with OMP_NUM_THREADS=1 (the build's setting), where its sums add in row order; the
     * training process (started as the workbench starts it, without that variable) sums in another order — there a
     * plain float loop gave another last bit at most of marker's steps. The same training, compared there.
     */
    @Test
    void sameLossInATrainingProcess() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(TrainingJvm.options());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), InTrainingProcess.class.getName()));
        ProcessBuilder pb = TrainingJvm.process(command).redirectErrorStream(true);
        pb.environment().remove("OMP_NUM_THREADS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as("the child's report").contains("sums in another order than a loop: true", "same training: true");
        assertThat(p.exitValue()).isZero();
    }

    /** Run in a child JVM by {@link #sameLossInATrainingProcess}. */
    public static final class InTrainingProcess {
        public static void main(String[] args) {
            Random random = new Random(1);
            float[] values = new float[64 * 32];
            for (int i = 0; i < values.length; i++) {
                values[i] = -3 * random.nextFloat();
            }
            float loop = 0f;
            for (float v : values) {
                loop += v;
            }
            INDArray array = Nd4j.createFromArray(values).reshape('c', 64, 32);
            System.out.println("sums in another order than a loop: " + (array.sumNumber().floatValue() != loop));
            sameTraining(Kind.SOFTMAX, true, 64, 64, 32, 4);
            sameTraining(Kind.SOFTMAX, false, 64, 64, 32, 2);
            sameTraining(Kind.SIGMOID, true, 64, 16, 32, 3);
            System.out.println("same training: true");
        }
    }

    private static void sameTraining(Kind kind, boolean soft, int batch, int features, int units, int steps) {
        ComputationGraph dl4j = net(kind.builder(units).build(), features);
        ComputationGraph ours = net(new LeanOutputLayer(kind.builder(units)), features);
        assertThat(ours.getOutputLayer(0)).isInstanceOf(LeanOutputLayerImpl.class);
        assertThat(ours.params()).isEqualTo(dl4j.params());
        Random random = new Random(batch * 31L + units);
        for (int step = 0; step < steps; step++) {
            MultiDataSet data = batch(random, kind, soft, batch, features, units);
            dl4j.setInputs(data.getFeatures());
            dl4j.setLabels(data.getLabels());
            dl4j.computeGradientAndScore();
            ours.setInputs(data.getFeatures());
            ours.setLabels(data.getLabels());
            ours.computeGradientAndScore();
            String what = kind + (soft ? " soft" : "") + " " + batch + " × " + units + ", step " + step;
            assertThat(ours.score()).as("loss, %s", what).isEqualTo(dl4j.score());
            assertThat(ours.gradient().gradient()).as("gradients, %s", what).isEqualTo(dl4j.gradient().gradient());
            dl4j.fit(data);
            ours.fit(data);
            assertThat(ours.score()).as("fit's loss, %s", what).isEqualTo(dl4j.score());
            assertThat(ours.params()).as("parameters after %s", what).isEqualTo(dl4j.params());
        }
        MultiDataSet apart = batch(random, kind, soft, batch, features, units);
        assertThat(ours.score(apart, false)).as("a batch scored apart").isEqualTo(dl4j.score(apart, false));
        assertThat(ours.score(apart, true)).as("a batch scored apart, training").isEqualTo(dl4j.score(apart, true));
    }

    @Test
    void aMaskedBatchRunsDl4jsCode() {
        ComputationGraph dl4j = net(Kind.SOFTMAX.builder(5).build(), 6);
        ComputationGraph ours = net(new LeanOutputLayer(Kind.SOFTMAX.builder(5)), 6);
        MultiDataSet data = batch(new Random(3), Kind.SOFTMAX, false, 10, 6, 5);
        INDArray mask = Nd4j.ones(DataType.FLOAT, 10, 1);
        mask.putScalar(2, 0, 0.0);
        mask.putScalar(7, 0, 0.0);
        data.setLabelsMaskArray(new INDArray[] {mask});
        dl4j.fit(data);
        ours.fit(data);
        assertThat(ours.score()).isEqualTo(dl4j.score());
        assertThat(ours.params()).isEqualTo(dl4j.params());
    }

    @Test
    void softmaxTermsFollowTheLabelsAndTheClip() {
        float[] p = {0.7f, 0.2f, 0.1f, 0f, 0.25f, 0.5f};
        float[] terms = new float[6];
        OutputLossTerms.softmax(p, new float[] {1, 0, 0, 1, 0, 2}, 6, 1e-10, terms);
        assertThat(terms).containsExactly((float) Math.log(0.7f), -0f, -0f, (float) Math.log(1e-10f), -0f,
                (float) Math.log(0.5f) * 2);
        OutputLossTerms.softmax(p, new float[] {0, 1, 0, 0, 1, 0}, 6, 1e-10, terms);
        assertThat(terms).containsExactly(-0f, (float) Math.log(0.2f), -0f, -0f, (float) Math.log(0.25f), -0f);
        // zero labels, each sign, against the product itself: a probability of 1, one below it, NaN, 0 without a clip
        float[] q = {1f, Math.nextDown(1f), Float.NaN, 0f};
        for (float zero : new float[] {0f, -0f}) {
            OutputLossTerms.softmax(q, new float[] {zero, zero, zero, zero}, 4, 0.0, terms);
            for (int i = 0; i < q.length; i++) {
                assertThat(Float.floatToIntBits(terms[i])).as("p = %s, y = %s", q[i], zero)
                        .isEqualTo(Float.floatToIntBits((float) Math.log(q[i]) * zero));
            }
        }
    }

    @Test
    void sigmoidTermsHaveBothSides() {
        float[] terms = new float[3];
        OutputLossTerms.sigmoid(new float[] {0.9f, 0.9f, 0.25f}, new float[] {1, 0, 0.5f}, 3, terms);
        assertThat(terms[0]).isEqualTo((float) Math.log(0.9f) + (float) Math.log(1f - 0.9f) * 0f);
        assertThat(terms[1]).isEqualTo((float) Math.log(1f - 0.9f));
        assertThat(terms[2]).isEqualTo((float) Math.log(0.25f) * 0.5f + (float) Math.log(0.75f) * 0.5f);
    }

    @Test
    void savedAndLoadedKeepsTheLayer() throws Exception {
        ComputationGraph ours = net(new LeanOutputLayer(Kind.SIGMOID.builder(4)), 5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(ours, bytes, true);
        ComputationGraph loaded = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes.toByteArray()), true);
        assertThat(loaded.getOutputLayer(0)).isInstanceOf(LeanOutputLayerImpl.class);
        assertThat(loaded.params()).isEqualTo(ours.params());
        MultiDataSet data = batch(new Random(5), Kind.SIGMOID, false, 7, 5, 4);
        ours.fit(data);
        loaded.fit(data);
        assertThat(loaded.params()).isEqualTo(ours.params());
    }

    private static MultiDataSet batch(Random random, Kind kind, boolean soft, int batch, int features, int units) {
        INDArray x = Nd4j.create(DataType.FLOAT, batch, features);
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch, units);
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < features; j++) {
                x.putScalar(i, j, random.nextGaussian() * 2);
            }
            if (kind == Kind.SOFTMAX && soft) {
                double[] w = random.doubles(units, 0.01, 1).toArray();
                double total = java.util.Arrays.stream(w).sum();
                for (int j = 0; j < units; j++) {
                    y.putScalar(i, j, w[j] / total);
                }
            } else if (kind == Kind.SOFTMAX) {
                y.putScalar(i, random.nextInt(units), 1.0);
            } else {
                for (int j = 0; j < units; j++) {
                    y.putScalar(i, j, soft ? random.nextDouble() : random.nextInt(2));
                }
            }
        }
        return new MultiDataSet(x, y);
    }

    private static ComputationGraph net(Layer output, int features) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(11).updater(new Adam(0.01))
                .dataType(DataType.FLOAT).graphBuilder().addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nIn(features).nOut(8).activation(Activation.TANH).build(), "in")
                .addLayer("out", output, "hidden")
                .setOutputs("out").build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }
}
