package dev.deepwire.training.eval;

import dev.deepwire.training.eval.LinkRanking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.nd4j.linalg.api.ndarray.INDArray;
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
        var triple = new org.nd4j.linalg.dataset.MultiDataSet(new INDArray[] {Nd4j.zeros(DataType.DOUBLE, 1, 1),
                Nd4j.zeros(DataType.DOUBLE, 1, 1), Nd4j.zeros(DataType.DOUBLE, 1, 1)}, new INDArray[] {Nd4j.ones(DataType.DOUBLE, 1, 1)});
        PruningLab lab = new PruningLab(net, List.of(triple), List.of(), "link_prediction_output", 1).rankedOn(kg, "validation");
        assertThat(lab.metricName()).as("a triple scorer's lab: MRR, not true/corrupted accuracy").isEqualTo("validation filtered MRR");
        assertThat(lab.baseline().metric()).isCloseTo(0.75, offset(1e-9));
        assertThat(LinkRanking.evaluate(net, kg, List.of(new int[] {0, 0, 0}), 10))
                .as("the arrays freed after ranking were the ranking's own, not the network's").isEqualTo(r);
        assertThat(EntityNeighbours.of(EntityNeighbours.table(net, 4).orElseThrow(), kg.entities(), 0, 1).get(0).name())
                .isEqualTo("e1");
    }

    @Test
    void aSplitIsRankedOnceForTheSameParametersAndAgainWhenTheyChange(@TempDir Path dir) throws Exception {
        TripleDataset kg = twoTrueTails(dir);
        ComputationGraph net = oneToAllDistMult();

        long before = RankingMemo.ranked();
        LinkRanking first = LinkRanking.ofSplit(net, kg, "test");
        LinkRanking again = LinkRanking.ofSplit(net, kg, "test"); // a run's test report, then its record
        assertThat(RankingMemo.ranked() - before).as("ranked once").isEqualTo(1);
        assertThat(again).isSameAs(first);
        assertThatThrownBy(() -> first.byRelation().clear()).as("shared: not to be changed")
                .isInstanceOf(UnsupportedOperationException.class);

        // a's vector 5 (was 1): every score with a changes, and so do the ranks — worked out again
        net.getLayer("s").setParam("W", Nd4j.createFromArray(new double[][] {{5}, {1.5}, {2}, {3}, {0.5}}));
        LinkRanking changed = LinkRanking.ofSplit(net, kg, "test");
        assertThat(RankingMemo.ranked() - before).as("the parameters changed: ranked again").isEqualTo(2);
        assertThat(changed.mrr()).as("the new parameters' own figures").isNotEqualTo(first.mrr());
        assertThat(LinkRanking.ofSplit(net, kg, "train")).as("another split").isNotEqualTo(changed);
        assertThat(RankingMemo.ranked() - before).isEqualTo(3);
    }

    @Test
    void thePruningLabMeasuresARankingModelByItsFilteredMrrNotItsUnfilteredTopOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("kg.tsv"), "a\tr\tb\tvalidation\na\tr\tc\ttrain\na\tr\td\ttrain\ne\tr\tc\ttrain\n");
        TripleDataset kg = TripleDataset.read(dir.resolve("kg.tsv"));
        ComputationGraph net = oneToAllDistMult();
        // the validation query (a, r, ?) as one batch: head a, relation r, the true tail b
        var batch = new org.nd4j.linalg.dataset.MultiDataSet(
                new INDArray[] {Nd4j.createFromArray(new double[][] {{0}}), Nd4j.createFromArray(new double[][] {{0}})},
                new INDArray[] {Nd4j.createFromArray(new double[][] {{1}})});
        PruningLab lab = new PruningLab(net, List.of(batch), List.of(), "link_ranking_output", 1);
        assertThat(lab.metricName()).isEqualTo("validation top-1 accuracy (unfiltered)");
        assertThat(lab.baseline().metric()).as("d scores highest: unfiltered top-1 misses").isZero();

        lab.rankedOn(kg, "validation");
        assertThat(lab.metricName()).isEqualTo("validation filtered MRR");
        // (a, r, ?) ranks b first once the known tails c and d are filtered; (?, r, b) ranks a 4th (the test above)
        assertThat(lab.baseline().metric()).isCloseTo((1 + 1 / 4.0) / 2, offset(1e-9));
        assertThat(new PruningLab(net, List.of(batch), List.of(), "link_ranking_output", 1).rankedOn(kg, "test")
                .metricName()).as("a split the graph does not have: the metric it had").startsWith("validation top-1");
    }

    /**
     * Entities a..e (ids 0..4), one relation r. Test (a, r, b); training (a, r, c), (a, r, d), (e, r, c). A 1-N
     * DistMult with vectors of size 1: W = (1, 1.5, 2, 3, 0.5), r = r⁻¹ = 1.
     */
    private static TripleDataset twoTrueTails(Path dir) throws Exception {
        Files.writeString(dir.resolve("kg.tsv"), "a\tr\tb\ttest\na\tr\tc\ttrain\na\tr\td\ttrain\ne\tr\tc\ttrain\n");
        return TripleDataset.read(dir.resolve("kg.tsv"));
    }

    /** The 1-N DistMult of {@link #twoTrueTails}: vectors of size 1, W = (1, 1.5, 2, 3, 0.5), r = r⁻¹ = 1. */
    private static ComputationGraph oneToAllDistMult() {
        var g = new GraphFixture().node("h", "id_input", "count", 5).node("r", "id_input", "count", 2)
                .node("s", "distmult_1n", "dim", 1).node("o", "link_ranking_output")
                .wire("h.out", "s.head").wire("r.out", "s.relation").wire("s.out", "o.in").graph();
        ComputationGraph net = new GraphCompiler(BlockCatalog.standard()).compile(g, CompileOptions.forGradientCheck(1))
                .orThrow().instantiate();
        net.getLayer("s").setParam("W", Nd4j.createFromArray(new double[][] {{1}, {1.5}, {2}, {3}, {0.5}}));
        net.getLayer("s").setParam("R", Nd4j.createFromArray(new double[][] {{1}, {1}}));
        return net;
    }

    @Test
    void filteredRankingLeavesOutEveryOtherKnownTrueTail(@TempDir Path dir) throws Exception {
        TripleDataset kg = twoTrueTails(dir);
        ComputationGraph net = oneToAllDistMult();
        // (a, r, ?) scores a 1, b 1.5, c 2, d 3, e 0.5: c and d beat b but both are known tails of (a, r): rank 1.
        // (?, r, b) as (b, r⁻¹, ?) scores 1.5 × W: d, c and b beat a and none of (d|c|b, r, b) is known: rank 4.
        LinkRanking r = LinkRanking.evaluate(net, kg, kg.triples("test"), 10);
        assertThat(r.queries()).isEqualTo(2);
        assertThat(r.mrr()).isCloseTo((1 + 1 / 4.0) / 2, offset(1e-9));
        assertThat(r.hits1()).isEqualTo(0.5);
        assertThat(r.hits3()).isEqualTo(0.5);
        assertThat(r.hits10()).isEqualTo(1.0);
        assertThat(r.byRelation()).containsOnlyKeys("r");
        assertThat(r.byRelation().get("r").queries()).isEqualTo(2);
        assertThat(LinkRanking.evaluate(net, kg, kg.triples("test"), 10))
                .as("the arrays freed after ranking were the ranking's own, not the network's").isEqualTo(r);
    }

    @Test
    void theFrequencyBaselineRanksByHowOftenEachEntityEndsTheRelationInTraining(@TempDir Path dir) throws Exception {
        TripleDataset kg = twoTrueTails(dir);
        FrequencyBaseline counts = FrequencyBaseline.of(kg);
        // Tails of r in training: c twice, d once; heads: a twice, e once. The test triple is not counted.
        assertThat(counts.count(true, 0, 2)).isEqualTo(2);
        assertThat(counts.count(true, 0, 3)).isEqualTo(1);
        assertThat(counts.count(true, 0, 1)).isZero();
        assertThat(counts.count(false, 0, 0)).isEqualTo(2);
        assertThat(counts.count(false, 0, 4)).isEqualTo(1);
        var g = new GraphFixture().node("h", "id_input", "count", 5).node("r", "id_input", "count", 2)
                .node("s", "distmult_1n", "dim", 1).node("o", "link_ranking_output")
                .wire("h.out", "s.head").wire("r.out", "s.relation").wire("s.out", "o.in").graph();
        ComputationGraph net = new GraphCompiler(BlockCatalog.standard()).compile(g, CompileOptions.forGradientCheck(1))
                .orThrow().instantiate();
        LinkRanking r = LinkRanking.evaluate(net, kg, kg.triples("test"), 10);
        // Tail query (a, r, ?): c and d filtered; a, b and e all count 0, so b ties with two: rank 1 + 2/2 = 2.
        // Head query (?, r, b): a has the highest head count (2): rank 1.
        assertThat(r.frequency().mrr()).isCloseTo((1 / 2.0 + 1) / 2, offset(1e-9));
        assertThat(r.frequency().hits1()).isEqualTo(0.5);
        assertThat(r.frequency().queries()).isEqualTo(2);
        assertThat(r.describe()).contains("over 2 head and tail queries").contains("most-frequent baseline: MRR 0.750");
    }
}
