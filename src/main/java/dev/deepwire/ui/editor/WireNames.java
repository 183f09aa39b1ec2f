package dev.deepwire.ui.editor;

import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Node;
import dev.deepwire.model.Port;

/** Wires and ports as the status bar names them: by the blocks' labels (with the id where labels clash). */
final class WireNames {
    private WireNames() {
    }

    static String of(Graph graph, Edge e) {
        return port(graph, e.from()) + " → " + port(graph, e.to());
    }

    static String port(Graph graph, Port p) {
        return block(graph, p.nodeId()) + "." + p.name();
    }

    /** A block's label, with its id when another block has the same label. */
    static String block(Graph graph, String id) {
        String label = graph.node(id).map(Node::label).filter(l -> !l.isBlank()).orElse(id);
        boolean shared = graph.nodes().stream().anyMatch(n -> !n.id().equals(id) && n.label().equals(label));
        String shown = dev.deepwire.limits.ShownName.of(label);
        return shared ? shown + " (" + id + ")" : shown;
    }
}
