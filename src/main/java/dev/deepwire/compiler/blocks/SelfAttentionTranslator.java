package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.compiler.layers.SelfAttention;
import dev.deepwire.model.TensorShape;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
        if (d % heads != 0) {
            String fits = IntStream.rangeClosed(1, Math.min(d, 64)).filter(h -> d % h == 0).mapToObj(String::valueOf)
                    .collect(Collectors.joining(", "));
            throw new ShapeProblem("feature size " + d + " does not divide into " + heads + " heads; use one of "
                    + fits + " heads, or change the feature size");
        }
        return Inferred.single(in, 4L * d * d);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        b.addLayer(n.id(), new SelfAttention(n.input("in").features(), n.intParam("heads")),
                n.inputVertex("in"));
    }
}
