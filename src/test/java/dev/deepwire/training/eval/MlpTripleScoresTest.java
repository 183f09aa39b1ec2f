package dev.deepwire.training.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.GraphFixture;
import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.data.TripleDataset;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The per-triple MLP scorer ranked by parts ({@link MlpTripleScores}) gives the whole network's scores for every
 * candidate, with its tail or its head open, for ⊕ = concatenation and sum, in float as trained and in double; and
 * a ranking by parts is the ranking of the whole network.
 */
class MlpTripleScoresTest {
    private static final int ENTITIES = 23;

    @ParameterizedTest
    @ValueSource(strings = {"concat", "sum"})
    void everyCandidateScoresAsInTheWholeNetwork(String combine) {
        for (boolean training : new boolean[] {true, false}) {
            ComputationGraph net = mlp(combine, training);
            MlpTripleScores byParts = MlpTripleScores.of(net);
            assertThat(byParts).as("a kg_mlp_score network (%s) is scored by parts", combine).isNotNull();
            List<int[]> triples = List.of(new int[] {3, 1, 7}, new int[] {0, 2, 22}, new int[] {22, 0, 0});
            double[][] parts = byParts.scores(triples, new boolean[] {true, false, true}, ENTITIES);
            double tolerance = training ? 1e-5 : 1e-12; // float as trained, double as a gradient check
            for (int i = 0; i < triples.size(); i++) {
                double[] whole = whole(net, triples.get(i), i != 1);
                for (int e = 0; e < ENTITIES; e++) {
                    assertThat(Math.abs(parts[i][e] - whole[e])).as("%s, query %d, entity %d", combine, i, e)
                            .isLessThanOrEqualTo(tolerance);
                }
            }
            assertThat(byParts.agrees(triples.get(0), whole(net, triples.get(0), true), whole(net, triples.get(0), false),
                    ENTITIES)).isTrue();
            double[] wrong = whole(net, triples.get(0), false).clone();
            wrong[5] += 0.01;
            assertThat(byParts.agrees(triples.get(0), whole(net, triples.get(0), true), wrong, ENTITIES))
                    .as("one score off: not the whole network's").isFalse();
            byParts.release();
        }
    }

    @Test
    void aRankingByPartsIsTheWholeNetworksRanking(@TempDir Path dir) throws Exception {
        StringBuilder lines = new StringBuilder();
        Random random = new Random(3);
        for (int i = 0; i < 60; i++) {
            int h = random.nextInt(ENTITIES), r = random.nextInt(3), t = random.nextInt(ENTITIES);
            lines.append("e").append(h).append("\tr").append(r).append("\te").append(t).append(i % 4 == 0 ? "\tvalidation\n" : "\ttrain\n");
        }
        for (int e = 0; e < ENTITIES; e++) { // every entity and relation named, in id order
            lines.insert(0, "e" + e + "\tr" + (e % 3) + "\te" + e + "\ttrain\n");
        }
        Files.writeString(dir.resolve("kg.tsv"), lines);
        TripleDataset kg = TripleDataset.read(dir.resolve("kg.tsv"));
        List<int[]> triples = kg.triples("validation");
        for (boolean training : new boolean[] {false, true}) {
            ComputationGraph mlp = mlp("concat", training);
            long before = MlpTripleScores.scored();
            LinkRanking byParts = LinkRanking.evaluate(mlp, kg, triples, 100);
            assertThat(MlpTripleScores.scored() - before).as("scored by parts (after the check's two queries)")
                    .isEqualTo(2 + 2L * triples.size());
            assertThat(byParts.queries()).isEqualTo(2 * triples.size()).isPositive();
            long whole = MlpTripleScores.scored();
            assertThat(byParts).as(training ? "float" : "double").isEqualTo(LinkRanking.evaluate(mlp, kg, triples, 100, false));
            assertThat(MlpTripleScores.scored()).as("the whole network, not by parts").isEqualTo(whole);
        }
    }

    @Test
    void otherNetworksAreNotScoredByParts() {
        var g = new GraphFixture().node("h", "id_input", "count", ENTITIES).node("r", "id_input", "count", 3)
                .node("t", "id_input", "count", ENTITIES).node("E", "entity_embedding", "dim", 4)
                .node("R", "relation_embedding", "dim", 4).node("s", "distmult").node("o", "link_prediction_output")
                .wire("h.out", "E.head").wire("t.out", "E.tail").wire("r.out", "R.in").wire("E.out", "s.head")
                .wire("E.tail_out", "s.tail").wire("R.out", "s.relation").wire("s.out", "o.in").graph();
        ComputationGraph net = new GraphCompiler(BlockCatalog.standard()).compile(g, CompileOptions.forGradientCheck(1))
                .orThrow().instantiate();
        assertThat(MlpTripleScores.of(net)).isNull();
    }

    /** wordnet-links-sampled's network at a small size, its parameters as initialised (seed 5). */
    private static ComputationGraph mlp(String combine, boolean training) {
        var g = new GraphFixture().node("h", "id_input", "count", ENTITIES).node("r", "id_input", "count", 3)
                .node("t", "id_input", "count", ENTITIES).node("E", "entity_embedding", "dim", 6)
                .node("R", "relation_embedding", "dim", 6)
                .node("s", "kg_mlp_score", "combine", combine, "hidden", 8, "activation", "relu")
                .node("o", "link_prediction_output")
                .wire("h.out", "E.head").wire("t.out", "E.tail").wire("r.out", "R.in").wire("E.out", "s.head")
                .wire("E.tail_out", "s.tail").wire("R.out", "s.relation").wire("s.out", "o.in").graph();
        CompileOptions options = training ? CompileOptions.forTraining(TrainingSettings.defaults().withSeed(5))
                : CompileOptions.forGradientCheck(5);
        return new GraphCompiler(BlockCatalog.standard()).compile(g, options).orThrow().instantiate();
    }

    /** The whole network's output for every entity in the open place of (h, r, t). */
    private static double[] whole(ComputationGraph net, int[] t, boolean tail) {
        var type = net.getConfiguration().getDataType();
        INDArray candidates = Nd4j.arange(ENTITIES).castTo(type).reshape(ENTITIES, 1);
        INDArray fixed = Nd4j.valueArrayOf(new long[] {ENTITIES, 1}, tail ? t[0] : t[2], type);
        INDArray rel = Nd4j.valueArrayOf(new long[] {ENTITIES, 1}, t[1], type);
        INDArray[] in = tail ? new INDArray[] {fixed, rel, candidates} : new INDArray[] {candidates, rel, fixed};
        return net.output(false, in, null, null)[0].reshape(ENTITIES).toDoubleVector();
    }
}
