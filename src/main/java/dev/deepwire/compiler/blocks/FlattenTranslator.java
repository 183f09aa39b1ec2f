package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.model.PortKind;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.ReshapeVertex;

/** {@code flatten}: an image or sequence read as one vector, in C order (DL4J's {@link ReshapeVertex}). */
public final class FlattenTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "flatten";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape in = n.input("in");
        if (in.kind() != PortKind.IMAGE && in.kind() != PortKind.SEQUENCE) {
            throw new ShapeProblem("Flatten takes an image or a sequence but gets " + in.kind().label() + " " + in
                    + (in.kind() == PortKind.VECTOR ? "; a vector is already flat: remove this block" : ""));
        }
        if (in.elements() > Integer.MAX_VALUE) {
            throw new ShapeProblem("flattening " + in + " gives more than 2³¹ values; pool or shrink it first");
        }
        return Inferred.single(TensorShape.vector((int) in.elements()), 0);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        b.addVertex(n.id(), new ReshapeVertex('c', new int[] {-1, (int) n.input("in").elements()}, null),
                n.inputVertex("in"));
    }
}
