package dev.deepwire.compiler;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Node;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The order in which a dataset feeds a graph's input blocks: the order they were added, except that where every input
 * is an id input feeding its own side of a triple (head, relation, tail: the port its wires reach first), they take
 * the triple's ids in that order, as a triples file gives them. Built on an empty canvas as head, tail, then relation,
 * the relation's input had been fed the tails (its error said to count 4000 relations, and doing so trained a model
 * that scored the triples' sides swapped).
 */
final class InputOrder {
    /** A triple's sides in the order a triples dataset gives their ids. */
    private static final List<String> SIDES = List.of("head", "relation", "tail");

    private InputOrder() {
    }

    static List<Node> of(Graph graph, BlockCatalog catalog) {
        List<Node> inputs = graph.nodes().stream().filter(n -> catalog.require(n.type()).isInput()).toList();
        boolean allIds = inputs.stream().allMatch(n -> n.type().equals("id_input"));
        List<Integer> sides = inputs.stream().map(n -> side(graph, n.id())).toList();
        if (inputs.size() < 2 || !allIds || sides.contains(-1) || new HashSet<>(sides).size() != sides.size()) {
            return inputs;
        }
        return inputs.stream().sorted(Comparator.comparingInt(n -> sides.get(inputs.indexOf(n)))).toList();
    }

    /** Which side of a triple the input {@code id} feeds: the first port named for one that its wires reach, or -1. */
    private static int side(Graph graph, String id) {
        Deque<String> todo = new ArrayDeque<>(List.of(id));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String at = todo.removeFirst();
            if (!seen.add(at)) {
                continue;
            }
            for (Edge e : graph.edgesFrom(at)) {
                int side = SIDES.indexOf(e.to().name());
                if (side >= 0) {
                    return side;
                }
                todo.addLast(e.to().nodeId());
            }
        }
        return -1;
    }
}
