package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;

/** {@code sequence_dense}: one dense layer applied at every position (DL4J's TimeDistributed, NCW). */
public final class SequenceDenseTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "sequence_dense";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape in = Shapes.requireSequence(n.input("in"), "Position-wise dense");
        int units = n.intParam("units");
        return Inferred.single(TensorShape.sequence(units, in.length(), in.masked()), Layers.denseParams(in, units));
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        b.addLayer(n.id(), Layers.dense(n.input("in"), n.intParam("units"), ActivationNames.of(n.stringParam("activation"))),
                n.inputVertex("in"));
    }
}
