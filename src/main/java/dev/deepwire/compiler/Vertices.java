package dev.deepwire.compiler;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.BlockType;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Port;

/**
 * Names of the DL4J vertices that carry a node's outputs: the node id for its first output port, and
 * {@code <node>.<port>} for any further one. Vertices a block adds inside itself are {@code <node>.<part>}.
 */
public final class Vertices {
    private Vertices() {
    }

    /** The vertex carrying the output port {@code from}. */
    public static String of(Graph graph, BlockCatalog catalog, Port from) {
        BlockType type = catalog.require(graph.require(from.nodeId()).type());
        return of(from.nodeId(), type, from.name());
    }

    public static String of(String nodeId, BlockType type, String port) {
        return type.outputs().isEmpty() || type.outputs().get(0).name().equals(port) ? nodeId : nodeId + "." + port;
    }

    /** An internal vertex of a block that expands into several. */
    public static String part(String nodeId, String part) {
        return nodeId + "." + part;
    }
}
