package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.ReshapeVertex;

/** {@code reshape}: a vector read as a sequence [d1 × d2] or an image [d1 × d2 × d3], C order. */
public final class ReshapeTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "reshape";
    }

    private static TensorShape target(NodeContext n) {
        return n.stringParam("to").equals("image")
                ? TensorShape.image(n.intParam("d1"), n.intParam("d2"), n.intParam("d3"))
                : TensorShape.sequence(n.intParam("d1"), n.intParam("d2"), false);
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape in = Shapes.requireVector(n.input("in"), "Reshape");
        TensorShape out = target(n);
        if (out.elements() != in.elements()) {
            throw new ShapeProblem("the vector has " + in.elements() + " values but a " + out.kind().label() + " of "
                    + out + " needs " + out.elements() + "; choose sizes that multiply to " + in.elements());
        }
        return Inferred.single(out, 0);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        TensorShape out = target(n);
        int[] shape = new int[out.dims().size() + 1];
        shape[0] = -1;
        for (int i = 0; i < out.dims().size(); i++) {
            shape[i + 1] = out.dims().get(i);
        }
        b.addVertex(n.id(), new ReshapeVertex('c', shape, null), n.inputVertex("in"));
    }
}
