package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.compiler.layers.LastStep;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;

/** {@code last_step}: the vector at the last unmasked position (hand-written {@link LastStep}). */
public final class LastStepTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "last_step";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape in = Shapes.requireSequence(n.input("in"), "Last time step");
        return Inferred.single(TensorShape.vector(in.features()), 0);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        b.addLayer(n.id(), new LastStep(), n.inputVertex("in"));
    }
}
