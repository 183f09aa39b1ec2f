package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.compiler.layers.LeanOutputLayer;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@code softmax_output}: projection to class scores, softmax, cross-entropy loss — DL4J's {@code OutputLayer} with
 * {@code MCXENT}, as a {@link LeanOutputLayer} (the same layer with fewer operations a training step).
 */
public final class SoftmaxOutputTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "softmax_output";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape in = Shapes.requireVector(n.input("in"), "Softmax classifier");
        long classes = n.intParam("classes");
        return Inferred.none(in.features() * classes + classes);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        b.addLayer(n.id(), new LeanOutputLayer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(n.input("in").features()).nOut(n.intParam("classes")).activation(Activation.SOFTMAX)), n.inputVertex("in"));
    }
}
