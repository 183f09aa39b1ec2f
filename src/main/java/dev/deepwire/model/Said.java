package dev.deepwire.model;

/**
 * How a command names what it touched in its description — the Edit menu's "Undo …" and the status bar's "Deleted …"
 * — by the labels a person sees, in quotes (“Dense 1”), not by ids such as {@code dense_1}: taken when the command is
 * first done, so "Undo Rename “Dense 1” to “Encoder”" still names the old label after the rename.
 */
final class Said {
    private Said() {
    }

    /** A block as “its label”, or its id where it has no label or is not in the graph. */
    static String block(Graph graph, String id) {
        return graph.node(id).map(Node::label).filter(l -> l != null && !l.isBlank()).map(Said::quoted).orElse(id);
    }

    static String quoted(String label) {
        return "\u201c" + label + "\u201d";
    }

    /** A wire's end: the block, and the input by name where it is not the only kind a block has ("in"). */
    static String input(Graph graph, Port p) {
        return block(graph, p.nodeId()) + ("in".equals(p.name()) ? "" : " (" + p.name() + ")");
    }

    /** "1 wire", "3 wires". */
    static String wires(int n) {
        return n + (n == 1 ? " wire" : " wires");
    }
}
