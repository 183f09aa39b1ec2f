package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.compiler.layers.FeedForward;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;

/** {@code feed_forward}: the two-layer network applied at every position, shape kept. */
public final class FeedForwardTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "feed_forward";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape in = Shapes.requireSequence(n.input("in"), "Position-wise feed-forward");
        long d = in.features();
        long h = n.intParam("hidden");
        return Inferred.single(in, d * h + h + h * d + d);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        b.addLayer(n.id(), new FeedForward(n.input("in").features(), n.intParam("hidden"), n.stringParam("activation")),
                n.inputVertex("in"));
    }
}
