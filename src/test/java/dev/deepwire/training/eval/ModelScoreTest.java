package dev.deepwire.training.eval;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.GraphFixture;
import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.training.eval.ModelScore;
import java.util.List;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Accuracy is counted the way each output block defines it. */
class ModelScoreTest {

    private static ComputationGraph net(String outputType) {
        var g = new GraphFixture().node("x", "vector_input", "features", 2).node("o", outputType, "units", 1)
                .wire("x.out", "o.in").graph();
        ComputationGraph net = new GraphCompiler(BlockCatalog.standard())
                .compile(g, CompileOptions.forGradientCheck(1)).orThrow().instantiate();
        net.getLayer("o").setParam("W", Nd4j.createFromArray(new double[][] {{1}, {0}}));
        net.getLayer("o").setParam("b", Nd4j.createFromArray(new double[][] {{0}}));
        return net;
    }

    @Test
    void sigmoidOutputsCountYesAboveOneHalf() {
        ComputationGraph net = net("sigmoid_output");
        INDArray x = Nd4j.createFromArray(new double[][] {{2, 5}, {-2, 5}, {3, -5}, {-1, 0}});
        INDArray y = Nd4j.createFromArray(new double[][] {{1}, {0}, {0}, {0}}); // predictions 1, 0, 1, 0
        var batch = new MultiDataSet(new INDArray[] {x}, new INDArray[] {y});
        ModelScore e = ModelScore.of(net, List.of(batch), "sigmoid_output");
        assertThat(e.accuracy()).isEqualTo(0.75);
        assertThat(e.examples()).isEqualTo(4);
        assertThat(e.loss()).isPositive();
    }

    @Test
    void regressionHasALossButNoAccuracy() {
        ComputationGraph net = net("regression_output");
        INDArray x = Nd4j.createFromArray(new double[][] {{2, 5}, {-2, 5}});
        INDArray y = Nd4j.createFromArray(new double[][] {{2}, {0}}); // errors 0 and 2 → MSE loss 2 (per example ½·4)
        var batch = new MultiDataSet(new INDArray[] {x}, new INDArray[] {y});
        DataType before = Nd4j.dataType();
        ModelScore e = ModelScore.of(net, List.of(batch), "regression_output");
        assertThat(e.accuracy()).isNaN();
        assertThat(e.loss()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Nd4j.dataType()).as("scoring leaves ND4J's default type alone").isEqualTo(before);
    }

    /**
     * A softmax classifier's loss comes from the forward pass that gives its accuracy: exactly DL4J's score, including
     * where probabilities fall below the loss's clipping (weights large enough that the labelled class gets ~e^-60).
     */
    @Test
    void softmaxLossFromTheOutputIsDl4jsScoreExactly() {
        sameAsScore("softmax_output", "classes", 3, 3);
    }

    /** The same for a sigmoid output (several yes/no labels per example), its clipping (10⁻⁵) deciding at large weights. */
    @Test
    void sigmoidLossFromTheOutputIsDl4jsScoreExactly() {
        sameAsScore("sigmoid_output", "units", 3, 0.4);
    }

    /** One-hot labels (softmax) or independent yes/no labels, two batches, ordinary and very large weights. */
    private static void sameAsScore(String outputType, String widthKey, int width, double clippedAbove) {
        for (double scale : new double[] {0.3, 30}) {
            var g = new GraphFixture().node("x", "vector_input", "features", 4).node("o", outputType, widthKey, width)
                    .wire("x.out", "o.in").graph();
            ComputationGraph net = new GraphCompiler(BlockCatalog.standard())
                    .compile(g, CompileOptions.forGradientCheck(1)).orThrow().instantiate();
            net.getLayer("o").setParam("W", Nd4j.createFromArray(new double[][] {{1, -2, 0.5}, {-1, 0.3, 2}, {0.7, 1, -1},
                    {2, 0.1, -0.4}}).muli(scale));
            assertThat(LossFromOutput.of(net)).as(outputType).isNotNull();
            java.util.Random random = new java.util.Random(5);
            List<org.nd4j.linalg.dataset.api.MultiDataSet> batches = new java.util.ArrayList<>();
            double dl4j = 0;
            int n = 0;
            for (int size : new int[] {7, 3}) {
                INDArray x = Nd4j.rand(net.params().dataType(), size, 4).subi(0.5).muli(4);
                INDArray y = Nd4j.zeros(net.params().dataType(), size, width);
                for (int i = 0; i < size; i++) {
                    if (outputType.equals("softmax_output")) {
                        y.putScalar(i, random.nextInt(width), 1.0);
                    } else {
                        for (int k = 0; k < width; k++) {
                            y.putScalar(i, k, random.nextBoolean() ? 1.0 : 0.0);
                        }
                    }
                }
                var batch = new MultiDataSet(new INDArray[] {x}, new INDArray[] {y});
                batches.add(batch);
                dl4j += net.score(batch, false) * size;
                n += size;
            }
            assertThat(ModelScore.of(net, batches, outputType).loss()).as("%s, weights × %s", outputType, scale)
                    .isEqualTo(dl4j / n);
            if (scale > 1) {
                assertThat(dl4j / n).as("the clipping mattered").isGreaterThan(clippedAbove);
            }
        }
    }

    @Test
    void otherOutputsAndMaskedLabelsAreScoredTheDl4jWay() {
        assertThat(LossFromOutput.of(net("regression_output"))).isNull();
        INDArray x = Nd4j.zeros(2, 2);
        assertThat(LossFromOutput.applies(new MultiDataSet(new INDArray[] {x}, new INDArray[] {x}))).isTrue();
        assertThat(LossFromOutput.applies(new MultiDataSet(new INDArray[] {x}, new INDArray[] {x}, null,
                new INDArray[] {Nd4j.ones(2, 1)}))).isFalse();
    }

    @Test
    void releaseFreesAnArrayButLeavesViewsAndNullsAlone() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 3, 4);
        INDArray row = a.getRow(0);
        ModelScore.release(row, null);
        assertThat(a.wasClosed()).isFalse();
        assertThat(row.getFloat(0)).isEqualTo(a.getFloat(0, 0));
        ModelScore.release(a);
        assertThat(a.wasClosed()).isTrue();
    }

    @Test
    void scoringFreesItsOutputsButNotTheNetworksOwnArrays() {
        for (WorkspaceMode mode : WorkspaceMode.values()) {
            ComputationGraph net = net("sigmoid_output");
            net.getConfiguration().setInferenceWorkspaceMode(mode);
            INDArray x = Nd4j.createFromArray(new double[][] {{2, 5}, {-2, 5}, {3, -5}});
            var batch = new MultiDataSet(new INDArray[] {x}, new INDArray[] {Nd4j.createFromArray(new double[][] {{1}, {0}, {1}})});
            ModelScore first = ModelScore.of(net, List.of(batch), "sigmoid_output");
            ModelScore again = ModelScore.of(net, List.of(batch), "sigmoid_output");
            assertThat(again).as(mode.name()).isEqualTo(first);
            assertThat(x.wasClosed()).isFalse();
            assertThat(net.params().wasClosed()).isFalse();
            assertThat(net.output(x)[0].getDouble(0, 0)).as(mode.name()).isCloseTo(1 / (1 + Math.exp(-2)),
                    org.assertj.core.data.Offset.offset(1e-6));
        }
    }
}
