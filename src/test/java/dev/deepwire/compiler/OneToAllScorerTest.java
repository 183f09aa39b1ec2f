package dev.deepwire.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.GraphFixture;
import dev.deepwire.compiler.layers.OneToAllScorer;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Graph;
import java.nio.file.Path;
import java.util.Random;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The 1-N scorers and their softmax output: gradients, the loss by hand, saving. */
class OneToAllScorerTest {
    private DataType defaultType;
    private DataType defaultFloat;

    @BeforeEach
    void doublePrecision() {
        defaultType = Nd4j.dataType();
        defaultFloat = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @AfterEach
    void restoreDefaults() {
        Nd4j.setDefaultDataTypes(defaultType, defaultFloat);
    }

    /** Head and relation ids into a scorer, its scores into the 1-N output. */
    static Graph graph(String scorer, int entities, int relations, int dim, double smoothing) {
        GraphFixture g = new GraphFixture().node("h", "id_input", "count", entities).node("r", "id_input", "count", relations)
                .node("s", scorer, "dim", dim, "dropout", 0.0, "n3", 0.0);
        if (scorer.equals("kg_mlp_1n")) {
            g = new GraphFixture().node("h", "id_input", "count", entities).node("r", "id_input", "count", relations)
                    .node("s", scorer, "dim", dim, "hidden", 5, "dropout", 0.0, "n3", 0.0);
        }
        return g.node("o", "link_ranking_output", "smoothing", smoothing).wire("h.out", "s.head").wire("r.out", "s.relation")
                .wire("s.out", "o.in").graph();
    }

    static ComputationGraph network(Graph g) {
        return new GraphCompiler(BlockCatalog.standard()).compile(g, CompileOptions.forGradientCheck(12345)).orThrow()
                .instantiate();
    }

    private static INDArray column(double... v) {
        return Nd4j.createFromArray(v).reshape(v.length, 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"distmult_1n", "complex_1n", "kg_mlp_1n"})
    void gradientsPassADoublePrecisionCheckWithTheEntityTableOnBothSides(String scorer) {
        ComputationGraph net = network(graph(scorer, 5, 4, 3, 0.1));
        Random r = new Random(7);
        double[] heads = new double[8];
        double[] rels = new double[8];
        double[] tails = new double[8];
        for (int i = 0; i < 8; i++) {
            heads[i] = r.nextInt(5);
            rels[i] = r.nextInt(4);
            tails[i] = i < 3 ? heads[i] : r.nextInt(5); // some entities are both a query's head and its answer
        }
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(net)
                .inputs(new INDArray[] {column(heads), column(rels)}).labels(new INDArray[] {column(tails)})
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY).exitOnFirstError(false));
        assertTrue(ok, scorer + ": analytic and numeric gradients differ; see the log above");
    }

    /**
     * Three entities with DistMult vectors of size 1, W = (1, 2, 3), relation r = 1 and its reciprocal 0.5. Query
     * (e0, r) scores the entities 1·1·(1, 2, 3) = (1, 2, 3), true answer e2; query (e2, r⁻¹) scores 3·0.5·(1, 2, 3),
     * true answer e0. Smoothing 0.1: target 0.1/3 everywhere plus 0.9 on the answer.
     */
    @Test
    void theLossIsTheSmoothedCrossEntropyOverAllEntitiesComputedByHand() {
        ComputationGraph net = network(graph("distmult_1n", 3, 2, 1, 0.1));
        net.getLayer("s").setParam(OneToAllScorer.ENTITIES, Nd4j.createFromArray(new double[][] {{1}, {2}, {3}}));
        net.getLayer("s").setParam(OneToAllScorer.RELATIONS, Nd4j.createFromArray(new double[][] {{1}, {0.5}}));
        INDArray[] in = {column(0, 2), column(0, 1)};
        INDArray scores = net.output(false, in, null, null)[0];
        assertThat(scores.toDoubleMatrix()).isDeepEqualTo(new double[][] {{1, 2, 3}, {1.5, 3, 4.5}});

        double[][] s = {{1, 2, 3}, {1.5, 3, 4.5}};
        int[] answer = {2, 0};
        double expected = 0;
        for (int q = 0; q < 2; q++) {
            double z = Math.exp(s[q][0]) + Math.exp(s[q][1]) + Math.exp(s[q][2]);
            for (int e = 0; e < 3; e++) {
                double target = 0.1 / 3 + (e == answer[q] ? 0.9 : 0);
                expected -= target * Math.log(Math.exp(s[q][e]) / z);
            }
        }
        expected /= 2;
        double loss = net.score(new org.nd4j.linalg.dataset.MultiDataSet(in, new INDArray[] {column(2, 0)}), false);
        assertThat(loss).isCloseTo(expected, offset(1e-9));
    }

    @Test
    void anAnswerOutsideTheEntitiesIsRefusedByName() {
        ComputationGraph net = network(graph("distmult_1n", 3, 2, 1, 0.0));
        var data = new org.nd4j.linalg.dataset.MultiDataSet(new INDArray[] {column(0), column(0)},
                new INDArray[] {column(3)});
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> net.score(data, false))
                .hasMessageContaining("scores 3 entities but a label id is 3.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"complex_1n", "kg_mlp_1n"})
    void aSavedNetworkScoresAsBefore(String scorer, @TempDir Path dir) throws Exception {
        ComputationGraph net = network(graph(scorer, 6, 4, 2, 0.1));
        INDArray[] in = {column(0, 5, 3), column(1, 3, 0)};
        INDArray before = net.output(false, in, null, null)[0].dup();
        ModelSerializer.writeModel(net, dir.resolve("m.zip").toFile(), true);
        ComputationGraph back = ModelSerializer.restoreComputationGraph(dir.resolve("m.zip").toFile(), true);
        assertThat(back.output(false, in, null, null)[0]).isEqualTo(before);
        assertThat(back.paramTable()).containsKey("s_W");
    }
}
