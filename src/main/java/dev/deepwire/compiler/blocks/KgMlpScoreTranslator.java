package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.compiler.layers.LeanDenseLayer;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.nd4j.linalg.activations.Activation;

/** {@code kg_mlp_score}: {@code MLP(E(h) ⊕ E(t) ⊕ E(r))}, ⊕ = concatenation or element-wise sum. */
public final class KgMlpScoreTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "kg_mlp_score";
    }

    private static boolean sum(NodeContext n) {
        return n.stringParam("combine").equals("sum");
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        long joined;
        if (sum(n)) {
            joined = Triples.sameSize(n, "MLP triple scorer with ⊕ = sum");
        } else {
            joined = Triples.vectors(n, "MLP triple scorer").values().stream().mapToLong(TensorShape::features).sum();
        }
        long h = n.intParam("hidden");
        return Inferred.single(TensorShape.vector(1), joined * h + h + h + 1);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        GraphVertex combine = sum(n) ? new ElementWiseVertex(ElementWiseVertex.Op.Add) : new MergeVertex();
        b.addVertex(n.part("joined"), combine, n.inputVertex("head"), n.inputVertex("tail"), n.inputVertex("relation"));
        long joined = sum(n) ? n.input("head").features()
                : n.input("head").features() + n.input("tail").features() + n.input("relation").features();
        int h = n.intParam("hidden");
        b.addLayer(n.part("hidden"), LeanDenseLayer.of(new DenseLayer.Builder().nIn(joined).nOut(h)
                .activation(ActivationNames.of(n.stringParam("activation"))).build()), n.part("joined"));
        b.addLayer(n.id(), LeanDenseLayer.of(new DenseLayer.Builder().nIn(h).nOut(1).activation(Activation.IDENTITY).build()),
                n.part("hidden"));
    }
}
