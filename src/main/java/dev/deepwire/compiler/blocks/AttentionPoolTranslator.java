package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.compiler.layers.AttentionPool;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;

/** {@code attention_pool}: learned-query attention from a sequence to one vector of the same size. */
public final class AttentionPoolTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "attention_pool";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape in = Shapes.requireSequence(n.input("in"), "Attention pooling");
        long d = in.features();
        Shapes.requireHeads(in.features(), n.intParam("heads"));
        return Inferred.single(TensorShape.vector(in.features()), 3 * d * d + d);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        b.addLayer(n.id(), new AttentionPool(n.input("in").features(), n.intParam("heads")), n.inputVertex("in"));
    }
}
