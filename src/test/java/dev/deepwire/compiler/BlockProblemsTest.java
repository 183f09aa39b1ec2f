package dev.deepwire.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.GraphFixture;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Issue;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Wrong wiring or sizes in the catalog's new blocks are errors on the block itself that say how to fix
 * them, found by the checker and shape inference before DL4J sees the graph (where they would fail at
 * run time, or not at all: DL4J does not check element-wise or merge sizes).
 */
class BlockProblemsTest {

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of("element-wise sizes", vectors(6, 4).node("f", "elementwise").wire("a.out", "f.a").wire("b.out", "f.b"),
                        "f", "project b to 6 features with Dense (units = 6)"),
                Arguments.of("gated fusion sizes", vectors(6, 4).node("f", "gated_fusion").wire("a.out", "f.a").wire("b.out", "f.b"),
                        "f", "project b to 6 features"),
                Arguments.of("concat of a vector and a sequence", new GraphFixture()
                                .node("a", "vector_input", "features", 3).node("s", "sequence_input").node("f", "concat")
                                .wire("a.out", "f.a").wire("s.out", "f.b"),
                        "f", "make both vectors (Pool over time on the sequence)"),
                Arguments.of("concat of sequences of two lengths", new GraphFixture()
                                .node("s", "sequence_input", "length", 4).node("t", "sequence_input", "length", 5)
                                .node("f", "concat").wire("s.out", "f.a").wire("t.out", "f.b"),
                        "f", "differ in length (5 and 4)"),
                Arguments.of("shared table with two entity counts", new GraphFixture()
                                .node("h", "id_input", "count", 10).node("t", "id_input", "count", 12)
                                .node("e", "entity_embedding").wire("h.out", "e.head").wire("t.out", "e.tail"),
                        "e", "set both Id inputs to 12"),
                Arguments.of("⊕ = sum with a smaller relation", triple(8, 4).node("s", "kg_mlp_score", "combine", "sum")
                                .wire("E.out", "s.head").wire("E.tail_out", "s.tail").wire("R.out", "s.relation"),
                        "s", "set the relation's embedding size to 8"),
                Arguments.of("DistMult with a smaller relation", triple(8, 4).node("s", "distmult")
                                .wire("E.out", "s.head").wire("E.tail_out", "s.tail").wire("R.out", "s.relation"),
                        "s", "set the relation's embedding size to 8"),
                Arguments.of("link prediction on a wide vector", vectors(4, 4).node("o", "link_prediction_output")
                                .wire("a.out", "o.in"),
                        "o", "Dense with 1 unit"),
                Arguments.of("cross-attention heads", new GraphFixture()
                                .node("q", "sequence_input", "features", 6).node("k", "sequence_input", "features", 5)
                                .node("x", "cross_attention", "heads", 4).wire("q.out", "x.queries").wire("k.out", "x.keys"),
                        "x", "use one of 1, 2, 3, 6 heads"),
                Arguments.of("valid convolution larger than the image", new GraphFixture()
                                .node("i", "image_input", "height", 4, "width", 4).node("c", "conv2d", "kernel", 5, "padding", "valid")
                                .wire("i.out", "c.in"),
                        "c", "set padding to same or kernel to at most 4"),
                Arguments.of("pooling window larger than the image", new GraphFixture()
                                .node("i", "image_input", "height", 3, "width", 3).node("p", "pool2d", "kernel", 4)
                                .wire("i.out", "p.in"),
                        "p", "set the window to at most 3"),
                Arguments.of("reshape to the wrong size", vectors(12, 1).node("r", "reshape", "to", "image", "d1", 1, "d2", 3, "d3", 5)
                                .wire("a.out", "r.in"),
                        "r", "choose sizes that multiply to 12"),
                Arguments.of("valid 1-D convolution longer than the sequence", new GraphFixture()
                                .node("s", "sequence_input", "length", 3).node("c", "conv1d", "kernel", 4, "padding", "valid")
                                .wire("s.out", "c.in"),
                        "c", "kernel to at most 3"),
                Arguments.of("an image into an LSTM", new GraphFixture()
                                .node("i", "image_input").node("l", "lstm").wire("i.out", "l.in"),
                        "l", "takes sequence"),
                Arguments.of("token ids into an id embedding", new GraphFixture()
                                .node("t", "token_input").node("r", "relation_embedding").wire("t.out", "r.in"),
                        "r", "takes id"));
    }

    private static GraphFixture vectors(int a, int b) {
        return new GraphFixture().node("a", "vector_input", "features", a).node("b", "vector_input", "features", b);
    }

    private static GraphFixture triple(int entityDim, int relationDim) {
        return new GraphFixture().node("h", "id_input").node("t", "id_input").node("r", "id_input")
                .node("E", "entity_embedding", "dim", entityDim).node("R", "relation_embedding", "dim", relationDim)
                .wire("h.out", "E.head").wire("t.out", "E.tail").wire("r.out", "R.in");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void theBlockGetsAnErrorThatSaysHowToFixIt(String name, GraphFixture fixture, String node, String advice) {
        CompileResult r = new GraphCompiler(BlockCatalog.standard()).compile(fixture.graph(),
                CompileOptions.forGradientCheck(1));
        List<Issue> errors = r.errors();
        assertThat(r.network()).isEmpty();
        assertThat(errors).anySatisfy(i -> {
            assertThat(i.nodeId()).isEqualTo(node);
            assertThat(i.message()).contains(advice);
        });
    }
}
