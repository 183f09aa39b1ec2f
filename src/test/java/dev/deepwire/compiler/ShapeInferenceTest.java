package dev.deepwire.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.GraphFixture;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Port;
import dev.deepwire.model.TensorShape;
import dev.deepwire.testing.MarkerSample;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ShapeInferenceTest {
    private final ShapeInference inference = new ShapeInference(BlockCatalog.standard());

    @Test
    void markerSampleGetsAShapeOnEveryWire() throws Exception {
        Graph g = new ProjectReader().read(Path.of("sample-projects/marker.dwproj")).graph();
        ShapeReport r = inference.infer(g);
        assertThat(r.issues()).isEmpty();
        for (Edge e : g.edges()) {
            assertThat(r.shapeOf(e)).as(e.toString()).isPresent();
        }
        assertThat(r.shapeOf(new Edge(new Port("attn", "out"), new Port("res1", "b")))).contains(TensorShape.sequence(64, 24, false));
        assertThat(r.shapeOf(new Edge(new Port("pool", "out"), new Port("classify", "in")))).contains(TensorShape.vector(64));
        assertThat(r.shapeOf(new Edge(new Port("attn", "out"), new Port("res1", "b"))).orElseThrow().toString()).isEqualTo("64 × 24");
        assertThat(r.paramCounts()).containsEntry("attn", 4L * 64 * 64).containsEntry("ffn", 64L * 128 + 128 + 128 * 64 + 64);
        assertThat(r.totalParams()).isEqualTo(MarkerSample.parameterCount());
    }

    @Test
    void anOutputWiredOnwardThatTheBlockDoesNotGiveIsAnError() {
        // A knowledge-graph scorer from scratch: the entity table's tail_out wired into DistMult's tail, the table's
        // optional tail id left unwired. Every wire after it read '?' and the graph said "Ready to train".
        Graph g = new GraphFixture().node("h", "id_input").node("r", "id_input").node("ent", "entity_embedding")
                .node("rel", "relation_embedding").node("score", "distmult").node("out", "link_prediction_output")
                .wire("h.out", "ent.head").wire("r.out", "rel.in").wire("ent.out", "score.head")
                .wire("rel.out", "score.relation").wire("ent.tail_out", "score.tail").wire("score.out", "out.in").graph();
        ShapeReport r = inference.infer(g);
        assertThat(r.issues()).anySatisfy(i -> {
            assertThat(i.nodeId()).isEqualTo("ent");
            assertThat(i.isError()).isTrue();
            assertThat(i.message()).contains("'tail_out'").contains("input 'tail'");
        });
    }

    @Test
    void addingMismatchedSizesIsAnErrorOnTheAddNode() {
        Graph g = new GraphFixture().node("tokens", "token_input").node("e64", "token_embedding", "dim", 64)
                .node("e32", "token_embedding", "dim", 32).node("sum", "add")
                .wire("tokens.out", "e64.in").wire("tokens.out", "e32.in").wire("e64.out", "sum.a").wire("e32.out", "sum.b")
                .graph();
        ShapeReport r = inference.infer(g);
        assertThat(r.issues()).singleElement().satisfies(i -> {
            assertThat(i.nodeId()).isEqualTo("sum");
            assertThat(i.message()).contains("cannot add sequence 64 × 24 (a) to sequence 32 × 24 (b)").contains("project one");
        });
    }

    @Test
    void sequenceIntoVectorBlockSaysToPoolFirst() {
        Graph g = new GraphFixture().node("tokens", "token_input").node("emb", "token_embedding")
                .node("norm", "layer_norm").node("dense", "dense")
                .wire("tokens.out", "emb.in").wire("emb.out", "norm.in").wire("norm.out", "dense.in").graph();
        ShapeReport r = inference.infer(g);
        assertThat(r.issues()).singleElement().satisfies(i -> {
            assertThat(i.nodeId()).isEqualTo("dense");
            assertThat(i.message()).contains("takes a vector but gets sequence 64 × 24").contains("Pool over time");
        });
    }

    @Test
    void headsThatDoNotDivideTheSizeListTheOnesThatDo() {
        Graph g = new GraphFixture().node("tokens", "token_input").node("emb", "token_embedding", "dim", 12)
                .node("attn", "self_attention", "heads", 5).wire("tokens.out", "emb.in").wire("emb.out", "attn.in").graph();
        assertThat(inference.infer(g).issues()).singleElement().satisfies(i -> {
            assertThat(i.nodeId()).isEqualTo("attn");
            assertThat(i.message()).contains("12 does not divide into 5 heads").contains("1, 2, 3, 4, 6, 12");
        });
    }

    @Test
    void maskTravelsAlongTheSequence() {
        Graph g = new GraphFixture().node("tokens", "token_input", "masked", true).node("emb", "token_embedding")
                .node("pool", "global_pool").wire("tokens.out", "emb.in").wire("emb.out", "pool.in").graph();
        assertThat(inference.infer(g).outputOf("emb").orElseThrow().masked()).isTrue();
    }
}
