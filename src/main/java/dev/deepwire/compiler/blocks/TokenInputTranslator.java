package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;

/** {@code token_input}: a network input of token ids, fed as {@code [batch, T]}. */
public final class TokenInputTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "token_input";
    }

    @Override
    public Inferred infer(NodeContext n) {
        return Inferred.single(TensorShape.tokenIds(n.intParam("length"), n.intParam("vocabulary"),
                n.boolParam("masked")), 0);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        // Inputs are declared by the compiler, in graph order.
    }
}
