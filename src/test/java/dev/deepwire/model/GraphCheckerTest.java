package dev.deepwire.model;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.GraphFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphCheckerTest {
    private final GraphChecker checker = new GraphChecker(BlockCatalog.standard());

    private static GraphFixture valid() {
        return new GraphFixture().node("tokens", "token_input").node("emb", "token_embedding")
                .node("pool", "global_pool").node("out", "softmax_output")
                .wire("tokens.out", "emb.in").wire("emb.out", "pool.in").wire("pool.out", "out.in");
    }

    private List<Issue> errors(Graph g) {
        return checker.check(g).stream().filter(Issue::isError).toList();
    }

    @Test
    void validGraphHasNoIssues() {
        assertThat(checker.check(valid().graph())).isEmpty();
    }

    @Test
    void unconnectedRequiredInputIsNamedWithTheFix() {
        Graph g = valid().node("dense", "dense").wire("dense.out", "out.in").graph();
        assertThat(errors(g)).anySatisfy(i -> {
            assertThat(i.nodeId()).isEqualTo("dense");
            assertThat(i.message()).contains("input 'in' is not connected").contains("wire a vector output");
        });
    }

    @Test
    void anEntityEmbeddingDroppedAloneAsksForAnIdOutputInGoodEnglish() {
        // dragged from the palette onto an empty canvas, it had said "wire a id output into it"
        Graph g = new GraphFixture().node("entities", "entity_embedding").graph();
        assertThat(errors(g)).anySatisfy(i -> assertThat(i.message())
                .isEqualTo("input 'head' is not connected; wire an id output into it"));
    }

    @Test
    void cycleIsReportedWithItsNodes() {
        Graph g = new GraphFixture().node("tokens", "token_input").node("emb", "token_embedding")
                .node("attn", "self_attention").node("norm", "layer_norm").node("pool", "global_pool")
                .node("out", "softmax_output")
                .wire("tokens.out", "emb.in").wire("attn.out", "norm.in").wire("norm.out", "attn.in")
                .wire("norm.out", "pool.in").wire("pool.out", "out.in").graph();
        // The loop is named in wire order, from whichever of its blocks the search met first.
        assertThat(errors(g)).anySatisfy(i -> {
            assertThat(i.nodeId()).isIn("attn", "norm");
            assertThat(i.message()).matches("the graph has a cycle \\((attn → norm → attn|norm → attn → norm)\\); "
                    + "remove one of these wires");
        });
    }

    @Test
    void portKindMismatchSaysWhatToInsert() {
        Graph g = new GraphFixture().node("tokens", "token_input").node("emb", "token_embedding")
                .node("out", "softmax_output").wire("tokens.out", "emb.in").wire("emb.out", "out.in").graph();
        assertThat(errors(g)).anySatisfy(i -> {
            assertThat(i.nodeId()).isEqualTo("out");
            assertThat(i.message()).contains("takes vector").contains("gives sequence").contains("Pool over time");
        });
    }

    @Test
    void parameterOutOfRangeNamesTheAllowedRange() {
        Graph g = valid().graph();
        g.setParam("emb", "dim", 0);
        assertThat(errors(g)).anySatisfy(i -> {
            assertThat(i.nodeId()).isEqualTo("emb");
            assertThat(i.message()).contains("Size d (dim) must be between 1 and 8192; got 0");
        });
    }

    @Test
    void wrongParameterTypeIsAnError() {
        Graph g = valid().graph();
        g.setParam("pool", "mode", "median");
        assertThat(errors(g)).anySatisfy(i -> assertThat(i.message()).contains("one of mean, max"));
    }

    @Test
    void unknownBlockTypeIsAnError() {
        Graph g = valid().graph();
        g.addNode(new Node("mystery", "quantum_layer", null, Map.of(), 0, 0));
        assertThat(errors(g)).anySatisfy(i -> assertThat(i.message()).contains("unknown block type 'quantum_layer'"));
    }

    @Test
    void canConnectRefusesIncompatibleKindsWithReason() {
        Graph g = valid().graph();
        ConnectionCheck c = checker.canConnect(g, new Port("emb", "out"), new Port("out", "in"));
        assertThat(c.allowed()).isFalse();
        assertThat(c.message()).contains("takes vector, not sequence");
    }

    @Test
    void canConnectRefusesCycles() {
        Graph g = new GraphFixture().node("a", "layer_norm").node("b", "layer_norm").wire("a.out", "b.in").graph();
        ConnectionCheck c = checker.canConnect(g, new Port("b", "out"), new Port("a", "in"));
        assertThat(c.allowed()).isFalse();
        assertThat(c.message()).isEqualTo("this wire would make a cycle: b already depends on a");
    }

    @Test
    void canConnectToAnOccupiedInputSaysItReplaces() {
        Graph g = valid().node("tokens2", "token_input").graph();
        ConnectionCheck c = checker.canConnect(g, new Port("tokens2", "out"), new Port("emb", "in"));
        assertThat(c.allowed()).isTrue();
        assertThat(c.message()).contains("replaces the wire from tokens.out");
    }

    /** A chain of {@code n} activation blocks between a vector input and an output; optionally closed into a cycle. */
    static Graph chain(int n, boolean cycle) {
        GraphFixture f = new GraphFixture().node("in", "vector_input").node("out", "softmax_output");
        String prev = "in";
        for (int i = 0; i < n; i++) {
            f.node("a" + i, "activation").wire(prev + ".out", "a" + i + ".in");
            prev = "a" + i;
        }
        f.wire(prev + ".out", "out.in");
        Graph g = f.graph();
        if (cycle) {
            g.disconnect(g.edgesInto("a0").get(0));
            g.connect(new Edge(new Port(prev, "out"), new Port("a0", "in")));
        }
        return g;
    }

    @Test
    void aLongChainIsCheckedWithoutOverflowingTheStack() {
        assertThat(errors(chain(20_000, false))).isEmpty();
        assertThat(GraphChecker.topologicalOrder(chain(20_000, false)).orElseThrow()).hasSize(20_002);
    }

    @Test
    void aCycleThroughALongChainIsFoundWhole() {
        List<String> cycle = GraphChecker.findCycle(chain(20_000, true)).orElseThrow();
        assertThat(cycle).hasSize(20_000).contains("a0", "a19999");
    }
}
