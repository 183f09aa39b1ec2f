package dev.deepwire.compiler;

import dev.deepwire.GraphFixture;
import org.junit.jupiter.api.Test;

/** Gradient checks of blocks inside a transformer block with residuals, with and without padding masks. */
class TransformerGradientTest {

    static GraphFixture transformer(boolean masked) {
        return new GraphFixture()
                .node("tokens", "token_input", "length", 5, "vocabulary", 7, "masked", masked)
                .node("embed", "token_embedding", "dim", 8)
                .node("pos", "positional_embedding", "mode", "learned")
                .node("attn", "self_attention", "heads", 2)
                .node("res1", "add")
                .node("norm1", "layer_norm")
                .node("ffn", "feed_forward", "hidden", 6, "activation", "tanh")
                .node("res2", "add")
                .node("norm2", "layer_norm")
                .node("drop", "dropout", "rate", 0.0)
                .node("pool", "global_pool", "mode", "mean")
                .node("dense", "dense", "units", 5, "activation", "tanh")
                .node("out", "softmax_output", "classes", 3)
                .wire("tokens.out", "embed.in").wire("embed.out", "pos.in").wire("pos.out", "attn.in")
                .wire("pos.out", "res1.a").wire("attn.out", "res1.b").wire("res1.out", "norm1.in")
                .wire("norm1.out", "ffn.in").wire("norm1.out", "res2.a").wire("ffn.out", "res2.b")
                .wire("res2.out", "norm2.in").wire("norm2.out", "drop.in").wire("drop.out", "pool.in")
                .wire("pool.out", "dense.in").wire("dense.out", "out.in");
    }

    @Test
    void transformerBlockWithResidualsPassesGradientCheck() {
        GradientChecks.assertGradientsMatch(transformer(false).graph(), 3, -1);
    }

    @Test
    void transformerBlockWithPaddingMaskPassesGradientCheck() {
        GradientChecks.assertGradientsMatch(transformer(true).graph(), 3, 2);
    }
}
