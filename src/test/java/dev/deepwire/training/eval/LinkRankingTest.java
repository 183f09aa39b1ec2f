package dev.deepwire.training.eval;

import dev.deepwire.training.eval.LinkRanking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.deepwire.GraphFixture;
import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.data.TripleDataset;
import dev.deepwire.model.BlockCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Ranking metrics on a DistMult network whose scores are set by hand: entity vectors are unit vectors,
 * so f(h, r, t) = [h = t], except entity 1 = 2 × entity 0, which outscores the truth unless filtered.
 */
class LinkRankingTest {

    @Test
    void ranksAreFilteredAndComparedWithRandomRanking(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("kg.tsv"), "e0\tsame\te0\tvalidation\ne2\tsame\te2\ttrain\ne3\tsame\te3\ttrain\n"
                + "e0\tsame\te1\ttrain\ne1\tsame\te1\ttrain\n");
        TripleDataset kg = TripleDataset.read(dir.resolve("kg.tsv"));
        var g = new GraphFixture().node("h", "id_input", "count", 4).node("r", "id_input", "count", 1)
                .node("t", "id_input", "count", 4).node("E", "entity_embedding", "dim", 4)
                .node("R", "relation_embedding", "dim", 4).node("s", "distmult").node("o", "link_prediction_output")
                .wire("h.out", "E.head").wire("t.out", "E.tail").wire("r.out", "R.in").wire("E.out", "s.head")
                .wire("E.tail_out", "s.tail").wire("R.out", "s.relation").wire("s.out", "o.in").graph();
        ComputationGraph net = new GraphCompiler(BlockCatalog.standard()).compile(g, CompileOptions.forGradientCheck(1))
                .orThrow().instantiate();
        net.getLayer("E.table").setParam("W", Nd4j.createFromArray(new double[][] {
                {1, 0, 0, 0}, {2, 0, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}}));
        net.getLayer("R").setParam("W", Nd4j.ones(DataType.DOUBLE, 1, 4));
        // Query (e0, same, ?): e1 scores 2 > e0's 1, but (e0, same, e1) is a known triple: filtered, rank 1.
        // Query (?, same, e0): e1 scores 2 again and (e1, same, e0) is not known: rank 2.
        LinkRanking r = LinkRanking.evaluate(net, kg, List.of(new int[] {0, 0, 0}), 10);
        assertThat(r.queries()).isEqualTo(2);
        assertThat(r.mrr()).isCloseTo((1 + 0.5) / 2, offset(1e-9));
        assertThat(r.hits1()).isEqualTo(0.5);
        assertThat(r.hits3()).isEqualTo(1.0);
        // Random ranking: 3 candidates for the filtered tail query, 4 for the head query.
        double random = ((1 + 1 / 2.0 + 1 / 3.0) / 3 + (1 + 1 / 2.0 + 1 / 3.0 + 1 / 4.0) / 4) / 2;
        assertThat(r.randomMrr()).isCloseTo(random, offset(1e-9));
        assertThat(r.randomHits1()).isCloseTo((1 / 3.0 + 1 / 4.0) / 2, offset(1e-9));
        assertThat(r.describe()).contains("filtered MRR 0.750");
        assertThat(EntityNeighbours.of(EntityNeighbours.table(net, 4).orElseThrow(), kg.entities(), 0, 1).get(0).name())
                .isEqualTo("e1");
    }
}
