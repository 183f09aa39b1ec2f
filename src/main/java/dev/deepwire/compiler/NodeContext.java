package dev.deepwire.compiler;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Node;
import dev.deepwire.model.TensorShape;
import java.util.Map;

/**
 * What a translator sees of one node: its parameters (defaults filled in from the catalog), the shapes
 * arriving at its inputs and the DL4J vertices that produce them.
 */
public record NodeContext(Node node, BlockCatalog catalog, Map<String, TensorShape> inputs,
                          Map<String, String> inputVertices) {

    public String id() {
        return node.id();
    }

    public int intParam(String name) {
        return ((Number) catalog.paramValue(node, name)).intValue();
    }

    public double doubleParam(String name) {
        return ((Number) catalog.paramValue(node, name)).doubleValue();
    }

    public boolean boolParam(String name) {
        return (Boolean) catalog.paramValue(node, name);
    }

    public String stringParam(String name) {
        return String.valueOf(catalog.paramValue(node, name));
    }

    /** Whether an optional input is wired. */
    public boolean has(String port) {
        return inputs.containsKey(port);
    }

    /** A vertex name for a part of this block that expands into several DL4J vertices. */
    public String part(String name) {
        return Vertices.part(node.id(), name);
    }

    public TensorShape input(String port) {
        return inputs.get(port);
    }

    public String inputVertex(String port) {
        return inputVertices.get(port);
    }
}
