package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.compiler.layers.FeatureSum;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;

/** {@code distmult}: {@code Σ h ⊙ r ⊙ t} — a three-way product vertex, then a sum over features. */
public final class DistMultTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "distmult";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        Triples.sameSize(n, "DistMult");
        return Inferred.single(TensorShape.vector(1), 0);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        b.addVertex(n.part("product"), new ElementWiseVertex(ElementWiseVertex.Op.Product),
                n.inputVertex("head"), n.inputVertex("relation"), n.inputVertex("tail"));
        b.addLayer(n.id(), new FeatureSum(), n.part("product"));
    }
}
