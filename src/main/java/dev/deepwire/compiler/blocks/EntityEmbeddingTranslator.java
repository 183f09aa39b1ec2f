package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.model.TensorShape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.StackVertex;
import org.deeplearning4j.nn.conf.graph.UnstackVertex;
import dev.deepwire.compiler.layers.IdEmbedding;

/**
 * {@code entity_embedding}: one table for head and tail. With both wired: stack the two id batches, look
 * them up in one {@link IdEmbedding}, unstack into the head vertex (the node id) and the tail vertex.
 */
public final class EntityEmbeddingTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "entity_embedding";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape head = Shapes.requireId(n.input("head"), "Entity embedding");
        int dim = n.intParam("dim");
        Map<String, TensorShape> out = new LinkedHashMap<>();
        out.put("out", TensorShape.vector(dim));
        if (n.has("tail")) {
            TensorShape tail = Shapes.requireId(n.input("tail"), "Entity embedding");
            if (tail.range() != head.range()) {
                throw new ShapeProblem("head ids go up to " + head.range() + " but tail ids to " + tail.range()
                        + "; one table needs one entity count: set both Id inputs to "
                        + Math.max(head.range(), tail.range()));
            }
            out.put("tail_out", TensorShape.vector(dim));
        }
        return new Inferred(out, (long) head.range() * dim);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        IdEmbedding table = new IdEmbedding(n.input("head").range(), n.intParam("dim"));
        if (!n.has("tail")) {
            b.addLayer(n.id(), table, n.inputVertex("head"));
            return;
        }
        b.addVertex(n.part("ids"), new StackVertex(), n.inputVertex("head"), n.inputVertex("tail"));
        b.addLayer(n.part("table"), table, n.part("ids"));
        b.addVertex(n.id(), new UnstackVertex(0, 2), n.part("table"));
        b.addVertex(n.part("tail_out"), new UnstackVertex(1, 2), n.part("table"));
    }
}
