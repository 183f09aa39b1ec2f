package dev.deepwire.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Graph;
import dev.deepwire.GraphFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A knowledge-graph model built on an empty canvas as head, tail and then relation input: a triples file gives head,
 * relation, tail, and the inputs had been fed in the order added — the relation's input got the tails (its error said
 * to count 4000 relations; following it trained a model with the triples' sides swapped). Now the id inputs take the
 * side each feeds; other graphs keep the order their inputs were added.
 */
class InputOrderTest {
    private static final BlockCatalog CATALOG = BlockCatalog.standard();

    private static List<String> inputs(Graph g) {
        return new GraphCompiler(CATALOG).compile(g, CompileOptions.forGradientCheck(1)).orThrow().inputs().stream()
                .map(CompiledNetwork.Input::nodeId).toList();
    }

    @Test
    void idInputsAddedAsHeadTailRelationTakeTheTriplesIdsAsHeadRelationTail() {
        Graph g = new GraphFixture()
                .node("h", "id_input", "count", 6).node("t", "id_input", "count", 6).node("r", "id_input", "count", 3)
                .node("entities", "entity_embedding", "dim", 4).node("relations", "relation_embedding", "dim", 4)
                .node("score", "kg_mlp_score", "combine", "concat", "hidden", 5, "activation", "relu")
                .node("link", "link_prediction_output")
                .wire("h.out", "entities.head").wire("t.out", "entities.tail").wire("r.out", "relations.in")
                .wire("entities.out", "score.head").wire("entities.tail_out", "score.tail")
                .wire("relations.out", "score.relation").wire("score.out", "link.in").graph();
        assertThat(inputs(g)).containsExactly("h", "r", "t");
    }

    @Test
    void graphsWhoseInputsAreNotATriplesSidesKeepTheOrderAdded() {
        assertThat(inputs(FamilyGraphs.knowledgeGraph("concat").graph())).containsExactly("head", "relation", "tail");
        Graph crossModal = FamilyGraphs.crossModal().graph();
        List<String> added = crossModal.nodes().stream().filter(n -> CATALOG.require(n.type()).isInput())
                .map(dev.deepwire.model.Node::id).toList();
        assertThat(inputs(crossModal)).isEqualTo(added);
    }
}
