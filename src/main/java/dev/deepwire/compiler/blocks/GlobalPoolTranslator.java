package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.compiler.layers.TimePool;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;

/** {@code global_pool}: mean or max over time, masked positions left out (hand-written {@link TimePool}). */
public final class GlobalPoolTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "global_pool";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape in = Shapes.requireSequence(n.input("in"), "Pool over time");
        return Inferred.single(TensorShape.vector(in.features()), 0);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        b.addLayer(n.id(), new TimePool(n.stringParam("mode").equals("max")), n.inputVertex("in"));
    }
}
