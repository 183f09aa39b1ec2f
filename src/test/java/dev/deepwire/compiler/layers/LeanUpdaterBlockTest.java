package dev.deepwire.compiler.layers;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.regularization.Regularization.ApplyStep;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The lean updater blocks train a network to the same parameters and optimizer state as DL4J's own, bit for bit,
 * with and without regularization; they skip DL4J's regularization pass only at a step where no parameter of the
 * block has a regularization, and they are what the network's updater uses once installed.
 */
class LeanUpdaterBlockTest {

    @Test
    void sameTrainingAsDl4jsBlocksWithoutRegularization() {
        ComputationGraph plain = net(0, 0);
        ComputationGraph lean = net(0, 0);
        LeanUpdaterBlock.install(lean);
        assertThat(lean.getUpdater().getUpdaterBlocks()).isNotEmpty().allMatch(b -> b instanceof LeanUpdaterBlock);
        for (UpdaterBlock b : lean.getUpdater().getUpdaterBlocks()) {
            assertThat(((LeanUpdaterBlock) b).regularizes(ApplyStep.BEFORE_UPDATER)).isFalse();
            assertThat(((LeanUpdaterBlock) b).regularizes(ApplyStep.POST_UPDATER)).isFalse();
        }
        trainAndCompare(plain, lean);
    }

    /**
     * L2 acts before the optimizer, weight decay after it (DL4J takes one or the other): each runs where it applies,
     * and the other pass is skipped.
     */
    @Test
    void regularizationStillAppliesAtItsOwnStep() {
        ComputationGraph unregularized = net(0, 0);
        train(unregularized);
        sameWithRegularization(0.01, 0, ApplyStep.BEFORE_UPDATER, unregularized.params());
        sameWithRegularization(0, 0.02, ApplyStep.POST_UPDATER, unregularized.params());
    }

    private static void sameWithRegularization(double l2, double weightDecay, ApplyStep applies, INDArray without) {
        ComputationGraph plain = net(l2, weightDecay);
        ComputationGraph lean = net(l2, weightDecay);
        LeanUpdaterBlock.install(lean);
        LeanUpdaterBlock first = (LeanUpdaterBlock) lean.getUpdater().getUpdaterBlocks().get(0);
        for (ApplyStep step : ApplyStep.values()) {
            assertThat(first.regularizes(step)).as("regularizes at %s", step).isEqualTo(step == applies);
        }
        trainAndCompare(plain, lean);
        assertThat(lean.params()).as("the regularization changed the training").isNotEqualTo(without);
    }

    @Test
    void installingTwiceKeepsTheBlocks() {
        ComputationGraph lean = net(0, 0);
        LeanUpdaterBlock.install(lean);
        UpdaterBlock first = lean.getUpdater().getUpdaterBlocks().get(0);
        LeanUpdaterBlock.install(lean);
        assertThat(lean.getUpdater().getUpdaterBlocks().get(0)).isSameAs(first);
    }

    private static void trainAndCompare(ComputationGraph plain, ComputationGraph lean) {
        assertThat(lean.params()).isEqualTo(plain.params());
        train(plain);
        train(lean);
        assertThat(lean.params()).as("parameters after six steps").isEqualTo(plain.params());
        assertThat(lean.getUpdater().getStateViewArray()).as("Adam's moments")
                .isEqualTo(plain.getUpdater().getStateViewArray());
        assertThat(lean.getUpdater().getUpdaterBlocks()).allMatch(b -> b instanceof LeanUpdaterBlock);
    }

    private static void train(ComputationGraph net) {
        INDArray x = Nd4j.linspace(-1, 1, 8 * 5).reshape(8, 5).castTo(net.params().dataType());
        INDArray y = Nd4j.zeros(net.params().dataType(), 8, 3);
        for (int i = 0; i < 8; i++) {
            y.putScalar(i, i % 3, 1.0);
        }
        for (int i = 0; i < 6; i++) {
            net.fit(new MultiDataSet(x, y));
        }
    }

    private static ComputationGraph net(double l2, double weightDecay) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(7).updater(new Adam(0.05))
                .l2(l2).weightDecay(weightDecay)
                .graphBuilder().addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nIn(5).nOut(4).activation(Activation.TANH).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(4).nOut(3)
                        .activation(Activation.SOFTMAX).build(), "hidden")
                .setOutputs("out").build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }
}
