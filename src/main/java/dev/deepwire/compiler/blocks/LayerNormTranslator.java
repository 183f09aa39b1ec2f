package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.compiler.layers.LayerNorm;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;

/** {@code layer_norm}: normalisation over features, for sequences and vectors. */
public final class LayerNormTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "layer_norm";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape in = Shapes.requireFloat(n.input("in"), "Layer normalization");
        return Inferred.single(in, 2L * in.features());
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        TensorShape in = n.input("in");
        b.addLayer(n.id(), new LayerNorm(in.features(), n.doubleParam("epsilon")), n.inputVertex("in"));
    }
}
