package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import dev.deepwire.compiler.layers.IdEmbedding;

/** {@code relation_embedding}: an {@link IdEmbedding} over relation ids. */
public final class RelationEmbeddingTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "relation_embedding";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape in = Shapes.requireId(n.input("in"), "Relation embedding");
        return Inferred.single(TensorShape.vector(n.intParam("dim")), (long) in.range() * n.intParam("dim"));
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        b.addLayer(n.id(), new IdEmbedding(n.input("in").range(), n.intParam("dim")), n.inputVertex("in"));
    }
}
