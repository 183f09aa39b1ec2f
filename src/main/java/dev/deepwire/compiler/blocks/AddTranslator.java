package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.compiler.layers.ResidualAdd;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;

/** {@code add}: element-wise sum of two equal shapes (DL4J does not check sizes, so we do). */
public final class AddTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "add";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape a = Shapes.requireFloat(n.input("a"), "Add");
        TensorShape b = Shapes.requireFloat(n.input("b"), "Add");
        if (!a.sameSizeAs(b)) {
            throw new ShapeProblem("cannot add " + a.kind().label() + " " + a + " (a) to " + b.kind().label() + " " + b
                    + " (b); project one of them to the other's size (Dense for vectors, Position-wise feed-forward "
                    + "for sequences) or change a block's size");
        }
        return Inferred.single(new TensorShape(a.kind(), a.dims(), 0, a.masked() || b.masked()), 0);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        b.addVertex(n.id(), new ResidualAdd(), n.inputVertex("a"), n.inputVertex("b"));
    }
}
