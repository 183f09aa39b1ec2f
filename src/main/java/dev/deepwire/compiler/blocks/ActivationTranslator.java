package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.nd4j.linalg.activations.Activation;

/** {@code activation}: DL4J's {@link ActivationLayer} on any shape. */
public final class ActivationTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "activation";
    }

    @Override
    public Inferred infer(NodeContext n) {
        TensorShape in = n.input("in");
        return Inferred.single(in, 0);
    }

    static Activation of(String name) {
        return switch (name) {
            case "leakyrelu" -> Activation.LEAKYRELU;
            case "elu" -> Activation.ELU;
            case "softplus" -> Activation.SOFTPLUS;
            default -> ActivationNames.of(name);
        };
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        b.addLayer(n.id(), new ActivationLayer.Builder().activation(of(n.stringParam("function"))).build(),
                n.inputVertex("in"));
    }
}
