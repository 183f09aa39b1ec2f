package dev.deepwire.compiler;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;

/**
 * Turns one block type into shapes and DL4J vertices. One implementation per block kind, in
 * {@code compiler.blocks}; the DL4J vertex carrying the node's output is named after the node id.
 */
public interface BlockTranslator {
    /** The block's id in the catalog. */
    String blockId();

    /** Output shapes and parameter count from the input shapes, or a problem that names the fix. */
    Inferred infer(NodeContext node) throws ShapeProblem;

    /** Adds the node's layers/vertices to the builder; inputs are already present. */
    void build(NodeContext node, GraphBuilder builder);

    /** For output blocks: the size of one example's labels (classes or units). */
    default int labelSize(NodeContext node) {
        return node.intParam("classes");
    }
}
