package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.compiler.layers.FeedForward;
import dev.deepwire.compiler.layers.LayerNorm;
import dev.deepwire.compiler.layers.ResidualAdd;
import dev.deepwire.compiler.layers.SelfAttention;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.nd4j.linalg.activations.Activation;

/**
 * {@code transformer_block}: expands into {@code <id>.attention} (inspectable like a self-attention block),
 * {@code <id>.residual1}, {@code <id>.norm1}, {@code <id>.ffn}, {@code <id>.residual2} and the final layer
 * norm named after the node.
 */
public final class TransformerBlockTranslator implements BlockTranslator {
    /** The inner self-attention vertex of a transformer block node. */
    public static final String ATTENTION = "attention";

    @Override
    public String blockId() {
        return "transformer_block";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape in = Shapes.requireSequence(n.input("in"), "Transformer block");
        long d = in.features();
        Shapes.requireHeads(in.features(), n.intParam("heads"));
        long h = n.intParam("hidden");
        return Inferred.single(in, 4 * d * d + 2 * d + (d * h + h + h * d + d) + 2 * d);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        int d = n.input("in").features();
        double rate = n.doubleParam("dropout");
        String attention = n.part(ATTENTION);
        b.addLayer(attention, new SelfAttention(d, n.intParam("heads")), n.inputVertex("in"));
        String attended = dropout(n, b, attention, rate, "dropout1");
        b.addVertex(n.part("residual1"), new ResidualAdd(), n.inputVertex("in"), attended);
        b.addLayer(n.part("norm1"), new LayerNorm(d, 1e-5), n.part("residual1"));
        b.addLayer(n.part("ffn"), new FeedForward(d, n.intParam("hidden"), n.stringParam("activation")), n.part("norm1"));
        String fed = dropout(n, b, n.part("ffn"), rate, "dropout2");
        b.addVertex(n.part("residual2"), new ResidualAdd(), n.part("norm1"), fed);
        b.addLayer(n.id(), new LayerNorm(d, 1e-5), n.part("residual2"));
    }

    private static String dropout(NodeContext n, GraphBuilder b, String from, double rate, String name) {
        if (rate <= 0) {
            return from;
        }
        b.addLayer(n.part(name), new ActivationLayer.Builder().activation(Activation.IDENTITY)
                .dropOut(new Dropout(1.0 - rate)).build(), from);
        return n.part(name);
    }
}
