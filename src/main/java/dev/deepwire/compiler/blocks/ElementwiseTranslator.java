package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.model.TensorShape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;

/** {@code elementwise}: sum, product, average or max of equal shapes (DL4J does not check sizes; we do). */
public final class ElementwiseTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "elementwise";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        Map<String, TensorShape> in = new LinkedHashMap<>();
        boolean masked = false;
        for (String p : ConcatTranslator.wired(n)) {
            in.put(p, n.input(p));
            masked |= n.input(p).masked();
        }
        return Inferred.single(Shapes.requireSameSize("Element-wise fusion", in).withMask(masked), 0);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        ElementWiseVertex.Op op = switch (n.stringParam("op")) {
            case "product" -> ElementWiseVertex.Op.Product;
            case "average" -> ElementWiseVertex.Op.Average;
            case "max" -> ElementWiseVertex.Op.Max;
            default -> ElementWiseVertex.Op.Add;
        };
        b.addVertex(n.id(), new ElementWiseVertex(op), ConcatTranslator.wired(n).stream().map(n::inputVertex)
                .toArray(String[]::new));
    }
}
