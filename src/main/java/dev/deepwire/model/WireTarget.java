package dev.deepwire.model;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which input of a new block a wire goes to when the block is chosen after dropping the wire on empty canvas: the first
 * input that takes it, except that a sequence cut from an image (an Image patches block upstream) goes to the input that
 * is looked at — cross-attention's keys and values — since the image is what text attends to; a token sequence still
 * goes to the queries.
 */
public final class WireTarget {
    /** The input that gives keys and values: what the queries look at. */
    static final String LOOKED_AT = "keys";

    private WireTarget() {
    }

    /** The input of {@code type} that a wire from {@code from} (giving {@code out}) goes to, if any takes it. */
    public static Optional<PortSpec> inputFor(Graph graph, BlockType type, PortSpec out, Port from) {
        List<PortSpec> taking = type.inputs().stream().filter(in -> out.kinds().stream().anyMatch(in::accepts)).toList();
        if (taking.size() > 1 && out.accepts(PortKind.SEQUENCE) && fromImage(graph, from.nodeId())) {
            Optional<PortSpec> lookedAt = taking.stream().filter(in -> in.name().equals(LOOKED_AT)).findFirst();
            if (lookedAt.isPresent()) {
                return lookedAt;
            }
        }
        return taking.stream().findFirst();
    }

    /**
     * Whether what {@code nodeId} gives came from an image: it, or a block before it, is Image patches (through a
     * cross-attention, only its queries count).
     */
    public static boolean fromImage(Graph graph, String nodeId) {
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(List.of(nodeId));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (!seen.add(id)) {
                continue;
            }
            if (graph.node(id).map(n -> n.type().equals("patches")).orElse(false)) {
                return true;
            }
            // cross-attention gives its queries' sequence: only they say where its output came from
            boolean cross = graph.node(id).map(n -> n.type().equals("cross_attention")).orElse(false);
            graph.edgesInto(id).stream().filter(e -> !cross || e.to().name().equals("queries"))
                    .forEach(e -> todo.push(e.from().nodeId()));
        }
        return false;
    }
}
