package dev.deepwire;

import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.model.BlockCatalog;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** A tiny masked token → embedding → 2-head attention → pool → softmax network, double precision, for attention tests. */
public final class SmallAttentionNetwork {
    private SmallAttentionNetwork() {
    }

    public static ComputationGraph build(long seed) {
        var g = new GraphFixture()
                .node("tokens", "token_input", "length", 5, "vocabulary", 9, "masked", true)
                .node("embed", "token_embedding", "dim", 8)
                .node("attn", "self_attention", "heads", 2)
                .node("pool", "global_pool")
                .node("out", "softmax_output", "classes", 3)
                .wire("tokens.out", "embed.in").wire("embed.out", "attn.in").wire("attn.out", "pool.in").wire("pool.out", "out.in");
        return new GraphCompiler(BlockCatalog.standard()).compile(g.graph(), CompileOptions.forGradientCheck(seed)).orThrow().instantiate();
    }
}
