package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.compiler.layers.ScalarAffine;
import dev.deepwire.model.PortKind;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.nd4j.linalg.activations.Activation;

/**
 * {@code weighted_fusion}: {@code α f(x) + β g(y)} — a linear projection per input to the common size,
 * a learned scalar weight each (starting at ½), and their sum.
 */
public final class WeightedFusionTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "weighted_fusion";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape x = Shapes.requireFloat(n.input("x"), "Weighted-sum fusion");
        TensorShape y = Shapes.requireFloat(n.input("y"), "Weighted-sum fusion");
        if (x.kind() != y.kind() || x.kind() == PortKind.SEQUENCE && x.length() != y.length()) {
            throw new ShapeProblem("Weighted-sum fusion needs two vectors or two sequences of one length, but x is "
                    + x.kind().label() + " " + x + " and y is " + y.kind().label() + " " + y + "; "
                    + Shapes.projectAdvice("y", y, x));
        }
        int size = n.intParam("size");
        TensorShape out = x.kind() == PortKind.SEQUENCE
                ? TensorShape.sequence(size, x.length(), x.masked() || y.masked()) : TensorShape.vector(size);
        return Inferred.single(out, Layers.denseParams(x, size) + Layers.denseParams(y, size) + 2);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        int size = n.intParam("size");
        b.addLayer(n.part("fx"), Layers.dense(n.input("x"), size, Activation.IDENTITY), n.inputVertex("x"));
        b.addLayer(n.part("alpha"), new ScalarAffine(0.5, 0, false), n.part("fx"));
        b.addLayer(n.part("fy"), Layers.dense(n.input("y"), size, Activation.IDENTITY), n.inputVertex("y"));
        b.addLayer(n.part("beta"), new ScalarAffine(0.5, 0, false), n.part("fy"));
        b.addVertex(n.id(), new ElementWiseVertex(ElementWiseVertex.Op.Add), n.part("alpha"), n.part("beta"));
    }
}
