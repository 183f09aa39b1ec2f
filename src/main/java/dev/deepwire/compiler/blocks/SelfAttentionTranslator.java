package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.compiler.layers.SelfAttention;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;

/** {@code self_attention}: multi-head scaled dot-product attention, output size = input size. */
public final class SelfAttentionTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "self_attention";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape in = Shapes.requireSequence(n.input("in"), "Self-attention");
        int heads = n.intParam("heads");
        int d = in.features();
        Shapes.requireHeads(d, heads);
        return Inferred.single(in, 4L * d * d);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        b.addLayer(n.id(), new SelfAttention(n.input("in").features(), n.intParam("heads")),
                n.inputVertex("in"));
    }
}
