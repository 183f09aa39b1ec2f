package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.compiler.layers.LeanDenseLayer;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.layers.DenseLayer;

/** {@code dense}: a fully connected layer on vectors. */
public final class DenseTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "dense";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape in = Shapes.requireVector(n.input("in"), "Dense");
        long units = n.intParam("units");
        return Inferred.single(TensorShape.vector((int) units), in.features() * units + units);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        b.addLayer(n.id(), LeanDenseLayer.of(new DenseLayer.Builder().nIn(n.input("in").features()).nOut(n.intParam("units"))
                .activation(ActivationNames.of(n.stringParam("activation"))).build()), n.inputVertex("in"));
    }
}
