package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.layers.EmbeddingLayer;
import org.nd4j.linalg.activations.Activation;

/** {@code relation_embedding}: an {@link EmbeddingLayer} over relation ids. */
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
        b.addLayer(n.id(), new EmbeddingLayer.Builder().nIn(n.input("in").range()).nOut(n.intParam("dim"))
                .hasBias(false).activation(Activation.IDENTITY).build(), n.inputVertex("in"));
    }
}
