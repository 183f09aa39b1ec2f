package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.compiler.layers.CrossAttention;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;

/** {@code cross_attention}: queries from one sequence, keys and values from another; output sized like the queries. */
public final class CrossAttentionTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "cross_attention";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape q = Shapes.requireSequence(n.input("queries"), "Cross-attention (queries)");
        TensorShape kv = Shapes.requireSequence(n.input("keys"), "Cross-attention (keys)");
        int heads = n.intParam("heads");
        Shapes.requireHeads(q.features(), heads);
        long dq = q.features();
        long dk = kv.features();
        return Inferred.single(q, 2 * dq * dq + 2 * dq * dk);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        TensorShape q = n.input("queries");
        b.addVertex(n.id(), CrossAttention.of(q.features(), n.input("keys").features(), n.intParam("heads"),
                b.getGlobalConfiguration().getIUpdater()), n.inputVertex("queries"), n.inputVertex("keys"));
    }
}
