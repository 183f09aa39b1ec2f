package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.model.PortKind;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;

/** {@code batch_norm}: DL4J's {@link BatchNormalization} per feature (vectors) or per channel (images, NCHW). */
public final class BatchNormTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "batch_norm";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape in = n.input("in");
        if (in.kind() != PortKind.VECTOR && in.kind() != PortKind.IMAGE) {
            throw new ShapeProblem("Batch normalization takes a vector or an image but gets " + in.kind().label() + " "
                    + in + "; use Layer normalization for sequences");
        }
        // γ and β are learned; the running mean and variance are stored with them (DL4J counts all four).
        return Inferred.single(in, 4L * in.features());
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        int size = n.input("in").features();
        b.addLayer(n.id(), new BatchNormalization.Builder().nIn(size).nOut(size).decay(n.doubleParam("decay")).build(),
                n.inputVertex("in"));
    }
}
