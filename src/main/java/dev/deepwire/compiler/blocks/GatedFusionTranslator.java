package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.model.PortKind;
import dev.deepwire.model.TensorShape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.nd4j.linalg.activations.Activation;

/**
 * {@code gated_fusion}: {@code g = σ(W[a; b] + c)}, {@code y = g ⊙ a + (1 − g) ⊙ b}, built from DL4J's own
 * vertices as {@code g ⊙ (a − b) + b} (exact gradients, no custom code).
 */
public final class GatedFusionTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "gated_fusion";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        Map<String, TensorShape> in = new LinkedHashMap<>();
        in.put("a", n.input("a"));
        in.put("b", n.input("b"));
        TensorShape s = Shapes.requireSameSize("Gated fusion", in);
        long d = s.features();
        return Inferred.single(s.withMask(n.input("a").masked() || n.input("b").masked()), 2 * d * d + d);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        TensorShape a = n.input("a");
        TensorShape both = a.kind() == PortKind.SEQUENCE
                ? TensorShape.sequence(2 * a.features(), a.length(), a.masked()) : TensorShape.vector(2 * a.features());
        b.addVertex(n.part("joined"), new MergeVertex(), n.inputVertex("a"), n.inputVertex("b"));
        b.addLayer(n.part("gate"), Layers.dense(both, a.features(), Activation.SIGMOID), n.part("joined"));
        b.addVertex(n.part("difference"), new ElementWiseVertex(ElementWiseVertex.Op.Subtract),
                n.inputVertex("a"), n.inputVertex("b"));
        b.addVertex(n.part("gated"), new ElementWiseVertex(ElementWiseVertex.Op.Product), n.part("gate"), n.part("difference"));
        b.addVertex(n.id(), new ElementWiseVertex(ElementWiseVertex.Op.Add), n.part("gated"), n.inputVertex("b"));
    }
}
