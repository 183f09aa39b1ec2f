package dev.deepwire.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Wires: duplicates refused before and after copies and removals; a copy has the same wires in the same order. */
class GraphWiringTest {
    private final BlockCatalog catalog = BlockCatalog.standard();

    private Graph chain() {
        Graph g = new Graph();
        g.addNode(catalog.newNode("token_input", "t", 0, 0));
        g.addNode(catalog.newNode("token_embedding", "e", 0, 0));
        g.addNode(catalog.newNode("add", "a", 0, 0));
        g.connect(new Edge(new Port("t", "out"), new Port("e", "in")));
        g.connect(new Edge(new Port("e", "out"), new Port("a", "a")));
        return g;
    }

    @Test
    void duplicateWireIsRefusedInTheGraphAndInItsCopy() {
        Graph g = chain();
        Edge again = new Edge(new Port("e", "out"), new Port("a", "a"));
        assertThatThrownBy(() -> g.connect(again)).hasMessageContaining("already exists");
        Graph copy = g.copy();
        assertThat(copy).isEqualTo(g);
        assertThat(copy.edges()).containsExactlyElementsOf(g.edges());
        assertThatThrownBy(() -> copy.connect(again)).hasMessageContaining("already exists");
    }

    @Test
    void removedWireCanBeMadeAgainAndIndexesFollow() {
        Graph g = chain();
        Edge wire = new Edge(new Port("e", "out"), new Port("a", "a"));
        assertThat(g.disconnect(wire)).isEqualTo(1);
        g.connect(wire);
        g.connect(new Edge(new Port("e", "out"), new Port("a", "b")));
        assertThat(g.edges()).hasSize(3);
        assertThat(g.edgesInto("a")).hasSize(2);
    }

    @Test
    void aWantedIdIsKeptWhenFreeAndNumberedPastEveryIdInUse() {
        Graph g = chain();
        g.insertGroup(0, new NodeGroup("e_1", "E", Set.of("e"), false));
        g.insertNote(0, new Note("e_2", "", 0, 0));
        assertThat(g.freshId("x", Set.of())).isEqualTo("x");
        assertThat(g.freshId("e", Set.of())).as("past a group's and a note's id").isEqualTo("e_3");
        assertThat(g.freshId("e_1", Set.of("e_3"))).as("past ids already given out").isEqualTo("e_4");
        assertThat(g.freshId("e")).isEqualTo("e_3");
    }
}
