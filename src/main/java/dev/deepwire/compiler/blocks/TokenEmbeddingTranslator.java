package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.compiler.layers.TokenEmbedding;
import dev.deepwire.model.PortKind;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;

/** {@code token_embedding}: DeepWire's {@link TokenEmbedding}, vocabulary taken from the input's id range. */
public final class TokenEmbeddingTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "token_embedding";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape in = n.input("in");
        if (in.kind() != PortKind.TOKEN_IDS) {
            throw new ShapeProblem("Token embedding takes token ids but gets " + in.kind().label() + " " + in
                    + "; wire a Token sequence input into it");
        }
        int dim = n.intParam("dim");
        return Inferred.single(TensorShape.sequence(dim, in.length(), in.masked()), (long) in.range() * dim);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        TensorShape in = n.input("in");
        b.addLayer(n.id(), new TokenEmbedding(in.range(), n.intParam("dim"), in.length(), n.doubleParam("init_scale")),
                n.inputVertex("in"));
    }
}
