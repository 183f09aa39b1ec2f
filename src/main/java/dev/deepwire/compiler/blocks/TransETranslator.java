package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.compiler.layers.ScalarAffine;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.L2Vertex;

/** {@code transe}: {@code γ − ‖h + r − t‖₂} — add, DL4J's {@link L2Vertex}, and a learned affine (−1, γ). */
public final class TransETranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "transe";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        Triples.sameSize(n, "TransE");
        return Inferred.single(TensorShape.vector(1), 2);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        b.addVertex(n.part("translated"), new ElementWiseVertex(ElementWiseVertex.Op.Add),
                n.inputVertex("head"), n.inputVertex("relation"));
        b.addVertex(n.part("distance"), new L2Vertex(1e-8), n.part("translated"), n.inputVertex("tail"));
        b.addLayer(n.id(), new ScalarAffine(-1.0, n.doubleParam("margin"), true), n.part("distance"));
    }
}
