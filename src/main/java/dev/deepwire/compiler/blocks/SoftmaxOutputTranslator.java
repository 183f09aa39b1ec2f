package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.model.TensorShape;
import dev.deepwire.compiler.layers.SoftmaxClassifier;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;

/**
 * {@code softmax_output}: projection to class scores, softmax, cross-entropy loss — DL4J's {@code OutputLayer} with
 * {@code MCXENT}, as {@link SoftmaxClassifier} (the same layer with fewer operations a training step).
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
        b.addLayer(n.id(), new SoftmaxClassifier(n.input("in").features(), n.intParam("classes")), n.inputVertex("in"));
    }
}
