package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.compiler.layers.EntitySoftmaxLoss;
import dev.deepwire.compiler.layers.OneToAllScorer;
import dev.deepwire.model.TensorShape;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.nd4j.linalg.activations.Activation;

/**
 * The 1-N scorers {@code distmult_1n}, {@code complex_1n} and {@code kg_mlp_1n}: the head and relation id columns
 * joined into one {@code [b, 2]} input of a {@link OneToAllScorer} that owns the entity and relation tables.
 */
public final class OneToAllTranslator implements BlockTranslator {
    private final String blockId;
    private final String kind;
    private final String label;

    private OneToAllTranslator(String blockId, String kind, String label) {
        this.blockId = blockId;
        this.kind = kind;
        this.label = label;
    }

    /** The three scorers and the output that trains them. */
    public static List<BlockTranslator> all() {
        return List.of(new OneToAllTranslator("distmult_1n", "distmult", "DistMult (1-N)"),
                new OneToAllTranslator("complex_1n", "complex", "ComplEx (1-N)"),
                new OneToAllTranslator("kg_mlp_1n", "mlp", "MLP scorer (1-N)"), new Output());
    }

    @Override
    public String blockId() {
        return blockId;
    }

    private OneToAllScorer layer(NodeContext n) {
        boolean mlp = kind.equals("mlp");
        return new OneToAllScorer(kind, n.input("head").range(), n.input("relation").range(), n.intParam("dim"),
                mlp ? n.intParam("hidden") : 0, n.doubleParam("dropout"), n.doubleParam("n3"));
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape head = Shapes.requireId(n.input("head"), label);
        Shapes.requireId(n.input("relation"), label);
        OneToAllScorer s = layer(n);
        long params = (s.getEntities() + s.getRelations()) * s.width();
        if (s.mlp()) {
            params += 2 * s.width() * s.getHidden() + s.getHidden() + s.getHidden() * s.width() + s.width();
        }
        return Inferred.single(TensorShape.vector(head.range()), params);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        b.addVertex(n.part("ids"), new MergeVertex(), n.inputVertex("head"), n.inputVertex("relation"));
        b.addLayer(n.id(), layer(n), n.part("ids"));
    }

    /** {@code link_ranking_output}: softmax cross-entropy over every entity, labels are the true tail's id. */
    static final class Output implements BlockTranslator {
        @Override
        public String blockId() {
            return "link_ranking_output";
        }

        @Override
        public Inferred infer(NodeContext n) throws ShapeProblem {
            Shapes.requireVector(n.input("in"), "Link ranking output (1-N)");
            return Inferred.none(0);
        }

        @Override
        public void build(NodeContext n, GraphBuilder b) {
            b.addLayer(n.id(), new LossLayer.Builder(new EntitySoftmaxLoss(n.doubleParam("smoothing")))
                    .activation(Activation.IDENTITY).build(), n.inputVertex("in"));
        }

        @Override
        public int labelSize(NodeContext n) {
            return 1;
        }
    }
}
