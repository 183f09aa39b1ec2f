package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.nd4j.linalg.activations.Activation;

/**
 * {@code dropout}: an identity ActivationLayer carrying DL4J dropout (DL4J takes the probability to
 * <em>keep</em>). DL4J's own DropoutLayer fails on masked sequences in M2.1 (it multiplies a
 * {@code [b, d, T]} activation by a {@code [b, T]} mask as a column vector).
 */
public final class DropoutTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "dropout";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        return Inferred.single(Shapes.requireFloat(n.input("in"), "Dropout"), 0);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        double rate = n.doubleParam("rate");
        ActivationLayer.Builder layer = new ActivationLayer.Builder().activation(Activation.IDENTITY);
        if (rate > 0) {
            layer.dropOut(new Dropout(1.0 - rate));
        } else {
            layer.dropOut(null);
        }
        b.addLayer(n.id(), layer.build(), n.inputVertex("in"));
    }
}
