package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.compiler.layers.PositionalEmbedding;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;

/** {@code positional_embedding}: a learned or sinusoidal position table added to a sequence. */
public final class PositionalEmbeddingTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "positional_embedding";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape in = Shapes.requireSequence(n.input("in"), "Positional embedding");
        boolean learned = n.stringParam("mode").equals("learned");
        return Inferred.single(in, learned ? (long) in.features() * in.length() : 0);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        TensorShape in = n.input("in");
        b.addLayer(n.id(), new PositionalEmbedding(in.features(), in.length(),
                n.stringParam("mode").equals("learned"), n.doubleParam("init_scale")), n.inputVertex("in"));
    }
}
