package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;

/** {@code global_pool}: mean or max over time, masked positions left out (DL4J's GlobalPoolingLayer). */
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
        PoolingType type = n.stringParam("mode").equals("max") ? PoolingType.MAX : PoolingType.AVG;
        b.addLayer(n.id(), new GlobalPoolingLayer.Builder(type).collapseDimensions(true).build(), n.inputVertex("in"));
    }
}
