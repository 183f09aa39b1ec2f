package dev.deepwire.compiler.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.training.backend.TrainingJvm;
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
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The softmax classifier's layer trains exactly as DL4J's output layer: the same loss (taken from the backward pass's
 * probabilities) and the same gradients, bit for bit, step after step, at the samples' sizes and larger ones; the loss of
 * a batch scored apart (no backward pass before it), a masked batch and a network saved and loaded again also as DL4J's.
 */
class SoftmaxClassifierTest {

    @Test
    void trainsAsDl4jsOutputLayerBitForBit() {
        sameTraining(64, 64, 32, 6);      // marker: 64 examples, 64 features, 32 classes
        sameTraining(32, 48, 1000, 3);    // word-language's size of vocabulary
        sameTraining(256, 16, 300, 3);
    }

    /**
     * Labels that are distributions (every term of the loss non-zero): a sum of the terms in any other order than
     * libnd4j's — a plain float loop, say — gives another last bit here.
     */
    @Test
    void sameLossForSoftLabels() {
        soft = true;
        try {
            sameTraining(64, 64, 32, 4);
            sameTraining(16, 8, 500, 2);
        } finally {
            soft = false;
        }
    }

    private static boolean soft;

    private static void sameTraining(int batch, int features, int classes, int steps) {
        ComputationGraph dl4j = net(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(classes)
                .activation(Activation.SOFTMAX).build(), features);
        ComputationGraph ours = net(new SoftmaxClassifier(8, classes), features);
        assertThat(ours.getOutputLayer(0)).isInstanceOf(SoftmaxClassifierImpl.class);
        assertThat(ours.params()).isEqualTo(dl4j.params());
        Random random = new Random(batch * 31L + classes);
        for (int step = 0; step < steps; step++) {
            MultiDataSet data = batch(random, batch, features, classes);
            dl4j.setInputs(data.getFeatures());
            dl4j.setLabels(data.getLabels());
            dl4j.computeGradientAndScore();
            ours.setInputs(data.getFeatures());
            ours.setLabels(data.getLabels());
            ours.computeGradientAndScore();
            assertThat(ours.score()).as("loss at step %d (%d × %d)", step, batch, classes).isEqualTo(dl4j.score());
            assertThat(ours.gradient().gradient()).as("gradients at step %d", step).isEqualTo(dl4j.gradient().gradient());
            dl4j.fit(data);
            ours.fit(data);
            assertThat(ours.score()).as("fit's loss at step %d", step).isEqualTo(dl4j.score());
            assertThat(ours.params()).as("parameters after step %d", step).isEqualTo(dl4j.params());
        }
        MultiDataSet apart = batch(random, batch, features, classes);
        assertThat(ours.score(apart, false)).as("a batch scored apart").isEqualTo(dl4j.score(apart, false));
        assertThat(ours.score(apart, true)).as("a batch scored apart, training").isEqualTo(dl4j.score(apart, true));
    }

    @Test
    void aMaskedBatchRunsDl4jsCode() {
        ComputationGraph dl4j = net(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(5)
                .activation(Activation.SOFTMAX).build(), 6);
        ComputationGraph ours = net(new SoftmaxClassifier(8, 5), 6);
        MultiDataSet data = batch(new Random(3), 10, 6, 5);
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
    void theTermsFollowTheLabelsAndTheClip() {
        float[] p = {0.7f, 0.2f, 0.1f, 0f, 0.25f, 0.5f};
        float[] terms = new float[6];
        SoftmaxLossKernel.terms(p, new float[] {1, 0, 0, 1, 0, 2}, 6, 1e-10, terms);
        assertThat(terms).containsExactly((float) Math.log(0.7f), -0f, -0f, (float) Math.log(1e-10f), -0f,
                (float) Math.log(0.5f) * 2);
        SoftmaxLossKernel.terms(p, new float[] {0, 1, 0, 0, 1, 0}, 6, 1e-10, terms);
        assertThat(terms).containsExactly(-0f, (float) Math.log(0.2f), -0f, -0f, (float) Math.log(0.25f), -0f);
        // zero labels, each sign, against the product itself: a probability of 1, one below it, NaN, 0 without a clip
        float[] q = {1f, Math.nextDown(1f), Float.NaN, 0f};
        for (float zero : new float[] {0f, -0f}) {
            SoftmaxLossKernel.terms(q, new float[] {zero, zero, zero, zero}, 4, 0.0, terms);
            for (int i = 0; i < q.length; i++) {
                assertThat(Float.floatToIntBits(terms[i])).as("p = %s, y = %s", q[i], zero)
                        .isEqualTo(Float.floatToIntBits((float) Math.log(q[i]) * zero));
            }
        }
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
            soft = true;
            sameTraining(64, 64, 32, 4);
            soft = false;
            sameTraining(64, 64, 32, 2);
            System.out.println("same training: true");
        }
    }

    @Test
    void savedAndLoadedKeepsTheLayer() throws Exception {
        ComputationGraph ours = net(new SoftmaxClassifier(8, 4), 5);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        org.deeplearning4j.util.ModelSerializer.writeModel(ours, bytes, true);
        ComputationGraph loaded = org.deeplearning4j.util.ModelSerializer.restoreComputationGraph(
                new java.io.ByteArrayInputStream(bytes.toByteArray()), true);
        assertThat(loaded.getOutputLayer(0)).isInstanceOf(SoftmaxClassifierImpl.class);
        assertThat(loaded.params()).isEqualTo(ours.params());
        MultiDataSet data = batch(new Random(5), 7, 5, 4);
        ours.fit(data);
        loaded.fit(data);
        assertThat(loaded.params()).isEqualTo(ours.params());
    }

    private static MultiDataSet batch(Random random, int batch, int features, int classes) {
        INDArray x = Nd4j.create(DataType.FLOAT, batch, features);
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch, classes);
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < features; j++) {
                x.putScalar(i, j, random.nextGaussian() * 2);
            }
            if (soft) {
                double[] w = random.doubles(classes, 0.01, 1).toArray();
                double total = java.util.Arrays.stream(w).sum();
                for (int j = 0; j < classes; j++) {
                    y.putScalar(i, j, w[j] / total);
                }
            } else {
                y.putScalar(i, random.nextInt(classes), 1.0);
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
