package dev.deepwire.model;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one owner of which input a new wire goes to, for every way of wiring that does not name the input itself — a
 * wire dropped on empty canvas and the block then chosen, quick-add by key (Space) after a selected block, the W key
 * between two selected blocks: the inputs that take the wire in the block type's order, except that a sequence cut
 * from an image (an Image patches block upstream) goes first to the input that is looked at — cross-attention's keys
 * and values — since the image is what text attends to; a token sequence still goes to the queries. (W had taken the
 * first free input, so an image wired into cross-attention by key became its queries: another network.)
 */
public final class WireTarget {
    /** The input that gives keys and values: what the queries look at. */
    static final String LOOKED_AT = "keys";

    private WireTarget() {
    }

    /** The input of {@code type} that a wire from {@code from} (giving {@code out}) goes to, if any takes it. */
    public static Optional<PortSpec> inputFor(Graph graph, BlockType type, PortSpec out, Port from) {
        return inputsFor(graph, type, out, from).stream().findFirst();
    }

    /**
     * Every input of {@code type} that takes what {@code from} gives ({@code out}), the one a new wire should go to
     * first: a caller that finds the first taken (W between two blocks already wired) goes on to the next.
     */
    public static List<PortSpec> inputsFor(Graph graph, BlockType type, PortSpec out, Port from) {
        List<PortSpec> taking = type.inputs().stream().filter(in -> out.kinds().stream().anyMatch(in::accepts)).toList();
        if (taking.size() > 1 && out.accepts(PortKind.SEQUENCE) && fromImage(graph, from.nodeId())) {
            List<PortSpec> ordered = new java.util.ArrayList<>(taking.stream().filter(in -> in.name().equals(LOOKED_AT)).toList());
            taking.stream().filter(in -> !in.name().equals(LOOKED_AT)).forEach(ordered::add);
            return List.copyOf(ordered);
        }
        return taking;
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
