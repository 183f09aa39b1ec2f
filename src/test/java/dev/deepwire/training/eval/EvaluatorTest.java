package dev.deepwire.training.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.deepwire.GraphFixture;
import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.model.BlockCatalog;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The evaluation report's figures against counts made by hand. */
class EvaluatorTest {
    private static final List<String> NAMES = List.of("cat", "dog", "fox");

    /** A 3-class softmax whose prediction is the input's largest feature (weights 10·I, no bias). */
    private static ComputationGraph echo(double[][] weights, double[] bias) {
        var g = new GraphFixture().node("x", "vector_input", "features", 3).node("o", "softmax_output", "classes", 3)
                .wire("x.out", "o.in").graph();
        ComputationGraph net = new GraphCompiler(BlockCatalog.standard())
                .compile(g, CompileOptions.forGradientCheck(1)).orThrow().instantiate();
        net.getLayer("o").setParam("W", Nd4j.createFromArray(weights));
        net.getLayer("o").setParam("b", Nd4j.createFromArray(new double[][] {bias}));
        return net;
    }

    private static INDArray oneHot(int[] classes) {
        INDArray a = Nd4j.zeros(classes.length, 3);
        for (int i = 0; i < classes.length; i++) {
            a.putScalar(i, classes[i], 1.0);
        }
        return a;
    }

    @Test
    void perClassFiguresEqualAHandCount() {
        ComputationGraph net = echo(new double[][] {{10, 0, 0}, {0, 10, 0}, {0, 0, 10}}, new double[] {0, 0, 0});
        int[] actual = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2};
        int[] predicted = {0, 0, 1, 2, 1, 1, 0, 2, 2, 1};
        var batch = new MultiDataSet(new INDArray[] {oneHot(predicted)}, new INDArray[] {oneHot(actual)});
        EvaluationReport r = Evaluator.evaluate(net, List.of(batch), NAMES, "softmax_output", "validation");

        // by hand: cat tp 2 fp 1 fn 2; dog tp 2 fp 2 fn 1; fox tp 2 fp 1 fn 1
        double[][] expected = {{2 / 3.0, 2 / 4.0}, {2 / 4.0, 2 / 3.0}, {2 / 3.0, 2 / 3.0}};
        long[] support = {4, 3, 3};
        for (int c = 0; c < 3; c++) {
            var f = r.perClass().get(c);
            double p = expected[c][0];
            double rc = expected[c][1];
            assertThat(f.name()).isEqualTo(NAMES.get(c));
            assertThat(f.precision()).as(f.name() + " precision").isCloseTo(p, offset(1e-9));
            assertThat(f.recall()).as(f.name() + " recall").isCloseTo(rc, offset(1e-9));
            assertThat(f.f1()).as(f.name() + " F1").isCloseTo(2 * p * rc / (p + rc), offset(1e-9));
            assertThat(f.support()).isEqualTo(support[c]);
            assertThat(f.predicted()).as(f.name() + " chosen (tp + fp)").isEqualTo(new long[] {3, 4, 3}[c]);
            assertThat(f.present()).isTrue();
        }
        assertThat(r.accuracy()).isCloseTo(0.6, offset(1e-9));
        assertThat(r.confusion()).isEqualTo(new long[][] {{2, 1, 1}, {1, 2, 0}, {0, 1, 2}});
        double macroP = (2 / 3.0 + 0.5 + 2 / 3.0) / 3;
        assertThat(r.macro().precision()).isCloseTo(macroP, offset(1e-9));
        assertThat(r.weighted().recall()).as("weighted recall is accuracy").isCloseTo(0.6, offset(1e-9));
        assertThat(r.lowestRecall(1).get(0).name()).isEqualTo("cat");
        assertThat(r.cell(0, 2)).extracting(EvaluationReport.Prediction::example).containsExactly(3);
        assertThat(r.cell(2, 1)).extracting(EvaluationReport.Prediction::example).containsExactly(9);
        assertThat(r.binary()).as("three classes: no ROC").isNull();
    }

    @Test
    void aClassNeitherPresentNorPredictedIsLeftOutOfTheMacroAverage() {
        ComputationGraph net = echo(new double[][] {{10, 0, 0}, {0, 10, 0}, {0, 0, 10}}, new double[] {0, 0, 0});
        int[] both = {0, 0, 1, 1}; // fox never appears and is never predicted
        var batch = new MultiDataSet(new INDArray[] {oneHot(new int[] {0, 1, 1, 1})}, new INDArray[] {oneHot(both)});
        EvaluationReport r = Evaluator.evaluate(net, List.of(batch), NAMES, "softmax_output", "validation");
        // cat: P 1, R 0.5; dog: P 2/3, R 1
        assertThat(r.macro().precision()).isCloseTo((1 + 2 / 3.0) / 2, offset(1e-9));
        assertThat(r.macro().recall()).isCloseTo(0.75, offset(1e-9));
        assertThat(r.perClass()).hasSize(3);
    }

    @Test
    void withMoreClassesThanAMatrixCanHoldTheFiguresComeWithoutIt() {
        int n = EvaluationReport.MAX_MATRIX_CLASSES + 1; // 40,000 classes would have asked for 12.8 GB of counts
        var g = new GraphFixture().node("x", "vector_input", "features", n).node("o", "softmax_output", "classes", n)
                .wire("x.out", "o.in").graph();
        ComputationGraph net = new GraphCompiler(BlockCatalog.standard())
                .compile(g, CompileOptions.forGradientCheck(1)).orThrow().instantiate();
        net.getLayer("o").setParam("W", Nd4j.eye(n).muli(10));
        net.getLayer("o").setParam("b", Nd4j.zeros(1, n));
        INDArray input = Nd4j.zeros(4, n);
        INDArray labels = Nd4j.zeros(4, n);
        int[][] pairs = {{5, 5}, {7, 7}, {900, 3}, {n - 1, n - 1}}; // predicted (the input's hot feature), actual
        for (int i = 0; i < pairs.length; i++) {
            input.putScalar(i, pairs[i][0], 1.0);
            labels.putScalar(i, pairs[i][1], 1.0);
        }
        EvaluationReport r = Evaluator.evaluate(net, List.of(new MultiDataSet(new INDArray[] {input}, new INDArray[] {labels})),
                List.of(), "softmax_output", "validation");
        assertThat(r.accuracy()).isCloseTo(0.75, offset(1e-9));
        assertThat(r.hasMatrix()).isFalse();
        assertThat(r.confusion()).isEmpty();
        assertThat(r.perClass()).hasSize(n);
        assertThat(r.macro().recall()).as("classes 3, 5, 7, last and 900 (predicted) count").isCloseTo(3 / 5.0, offset(1e-9));
        assertThat(r.csv()).endsWith("\n\"confusion matrix not kept: " + n + " classes, over 1000\"\n");
        assertThat(r.toJson()).doesNotContainKey("confusionMatrix");
        assertThat(r.lines()).noneMatch(l -> l.startsWith("confusion matrix"))
                .contains("(1,001 classes: each one's figures are in the CSV, --csv)").hasSizeLessThan(10);
    }

    @Test
    void aModelThatAlwaysPredictsOneClassFillsOneColumn() {
        ComputationGraph net = echo(new double[3][3], new double[] {0, 0, 5});
        int[] actual = {0, 1, 1, 2, 2, 2, 0};
        var batch = new MultiDataSet(new INDArray[] {Nd4j.rand(7, 3)}, new INDArray[] {oneHot(actual)});
        EvaluationReport r = Evaluator.evaluate(net, List.of(batch), NAMES, "softmax_output", "test");

        assertThat(r.confusion()).isEqualTo(new long[][] {{0, 0, 2}, {0, 0, 2}, {0, 0, 3}});
        assertThat(r.perClass().get(2).recall()).isEqualTo(1.0);
        assertThat(r.perClass().get(2).precision()).isCloseTo(3 / 7.0, offset(1e-9));
        assertThat(r.perClass().get(0).precision()).as("never predicted: precision 0").isZero();
        assertThat(r.perClass().get(0).recall()).isZero();
        assertThat(r.perClass().get(0).f1()).isZero();
        assertThat(r.macro().recall()).isCloseTo(1 / 3.0, offset(1e-9));
        assertThat(r.lowestRecallLine(2)).isEqualTo("Lowest recall: cat 0.0 %, dog 0.0 %");
        assertThat(r.cell(1, 2)).hasSize(2).allSatisfy(p -> assertThat(p.confidence()).isGreaterThan(0.9));
        assertThat(r.lines()).anySatisfy(l -> assertThat(l).startsWith("test split, 7 examples: accuracy 0.4286"));
        assertThat(r.csv()).contains("cat,0,0,2\n").contains("fox,0,0,3\n");
    }

    @Test
    void aYesNoOutputHasRocAucAndAPrecisionRecallCurve() {
        var g = new GraphFixture().node("x", "vector_input", "features", 1).node("o", "sigmoid_output", "units", 1)
                .wire("x.out", "o.in").graph();
        ComputationGraph net = new GraphCompiler(BlockCatalog.standard())
                .compile(g, CompileOptions.forGradientCheck(1)).orThrow().instantiate();
        net.getLayer("o").setParam("W", Nd4j.createFromArray(new double[][] {{1}}));
        net.getLayer("o").setParam("b", Nd4j.createFromArray(new double[][] {{0}}));
        // scores rise with x; positives at x = 1, 3, 4, negatives at x = -2, 2: one pair out of order → AUC 5/6
        INDArray x = Nd4j.createFromArray(new double[][] {{1}, {3}, {4}, {-2}, {2}});
        INDArray y = Nd4j.createFromArray(new double[][] {{1}, {1}, {1}, {0}, {0}});
        EvaluationReport r = Evaluator.evaluate(net, List.of(new MultiDataSet(x, y)), List.of("no", "yes"),
                "sigmoid_output", "validation");
        assertThat(r.binary()).isNotNull();
        assertThat(r.binary().rocAuc()).isCloseTo(5 / 6.0, offset(1e-9));
        assertThat(r.binary().prCurve()).isNotEmpty();
        assertThat(r.confusion()).isEqualTo(new long[][] {{1, 1}, {0, 3}});
    }

    @Test
    void regressionReportsMaeRmseAndResiduals() {
        var g = new GraphFixture().node("x", "vector_input", "features", 1).node("o", "regression_output", "units", 1)
                .wire("x.out", "o.in").graph();
        ComputationGraph net = new GraphCompiler(BlockCatalog.standard())
                .compile(g, CompileOptions.forGradientCheck(1)).orThrow().instantiate();
        net.getLayer("o").setParam("W", Nd4j.createFromArray(new double[][] {{1}}));
        net.getLayer("o").setParam("b", Nd4j.createFromArray(new double[][] {{0}}));
        INDArray x = Nd4j.createFromArray(new double[][] {{1}, {2}, {3}, {4}});
        INDArray y = Nd4j.createFromArray(new double[][] {{1}, {3}, {3}, {1}}); // errors 0, 1, 0, 3
        EvaluationReport r = Evaluator.evaluate(net, List.of(new MultiDataSet(x, y)), List.of(), "regression_output", "test");
        assertThat(r.regression().mae()).isCloseTo(1.0, offset(1e-9));
        assertThat(r.regression().rmse()).isCloseTo(Math.sqrt(10 / 4.0), offset(1e-9));
        assertThat(r.regression().residuals()).hasSize(4);
        assertThat(r.regression().residuals().get(3)).containsExactly(4.0, 1.0);
    }
}
