package dev.deepwire.compiler;

import dev.deepwire.GraphFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each block alone, between the smallest graph that trains it, passes DL4J's numerical gradient check
 * in double precision. SameDiff-based blocks would fail without the doubled-gradient correction.
 */
class BlockGradientTest {

    /** tokens → embedding → [block] → mean pool → softmax, the block's parameters set from {@code params}. */
    private static GraphFixture around(String type, Object... params) {
        return new GraphFixture()
                .node("tokens", "token_input", "length", 4, "vocabulary", 6)
                .node("embed", "token_embedding", "dim", 6)
                .node("block", type, params)
                .node("pool", "global_pool")
                .node("out", "softmax_output", "classes", 3)
                .wire("tokens.out", "embed.in").wire("embed.out", "block.in").wire("block.out", "pool.in")
                .wire("pool.out", "out.in");
    }

    @Test
    void tokenEmbeddingPoolAndSoftmax() {
        GraphFixture g = new GraphFixture()
                .node("tokens", "token_input", "length", 4, "vocabulary", 6)
                .node("embed", "token_embedding", "dim", 5)
                .node("pool", "global_pool")
                .node("out", "softmax_output", "classes", 3)
                .wire("tokens.out", "embed.in").wire("embed.out", "pool.in").wire("pool.out", "out.in");
        GradientChecks.assertGradientsMatch(g.graph(), 4, -1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"learned", "sinusoidal"})
    void positionalEmbedding(String mode) {
        GradientChecks.assertGradientsMatch(around("positional_embedding", "mode", mode).graph(), 3, -1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void selfAttention(int heads) {
        GradientChecks.assertGradientsMatch(around("self_attention", "heads", heads).graph(), 3, -1);
    }

    @Test
    void selfAttentionWithPaddingMask() {
        GraphFixture g = around("self_attention", "heads", 2);
        g.graph().setParam("tokens", "masked", true);
        GradientChecks.assertGradientsMatch(g.graph(), 3, 2);
    }

    @Test
    void layerNormOnSequences() {
        GradientChecks.assertGradientsMatch(around("layer_norm").graph(), 3, -1);
    }

    @Test
    void layerNormOnVectors() {
        GraphFixture g = new GraphFixture()
                .node("tokens", "token_input", "length", 4, "vocabulary", 6)
                .node("embed", "token_embedding", "dim", 5)
                .node("pool", "global_pool")
                .node("norm", "layer_norm")
                .node("out", "softmax_output", "classes", 3)
                .wire("tokens.out", "embed.in").wire("embed.out", "pool.in").wire("pool.out", "norm.in")
                .wire("norm.out", "out.in");
        GradientChecks.assertGradientsMatch(g.graph(), 3, -1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "gelu", "tanh", "sigmoid", "identity"})
    void feedForward(String activation) {
        GradientChecks.assertGradientsMatch(around("feed_forward", "hidden", 5, "activation", activation).graph(), 3, -1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mean", "max"})
    void poolingMaskedSequences(String mode) {
        GraphFixture g = new GraphFixture()
                .node("tokens", "token_input", "length", 4, "vocabulary", 6, "masked", true)
                .node("embed", "token_embedding", "dim", 5)
                .node("pool", "global_pool", "mode", mode)
                .node("out", "softmax_output", "classes", 3)
                .wire("tokens.out", "embed.in").wire("embed.out", "pool.in").wire("pool.out", "out.in");
        GradientChecks.assertGradientsMatch(g.graph(), 3, 2);
    }

    @Test
    void addAsResidual() {
        GraphFixture g = new GraphFixture()
                .node("tokens", "token_input", "length", 4, "vocabulary", 6)
                .node("embed", "token_embedding", "dim", 6)
                .node("norm", "layer_norm")
                .node("sum", "add")
                .node("pool", "global_pool")
                .node("out", "softmax_output", "classes", 3)
                .wire("tokens.out", "embed.in").wire("embed.out", "norm.in").wire("embed.out", "sum.a")
                .wire("norm.out", "sum.b").wire("sum.out", "pool.in").wire("pool.out", "out.in");
        GradientChecks.assertGradientsMatch(g.graph(), 3, -1);
    }

    @Test
    void dropoutAtZeroRateIsTransparent() {
        GradientChecks.assertGradientsMatch(around("dropout", "rate", 0.0).graph(), 3, -1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tanh", "sigmoid", "relu", "gelu"})
    void dense(String activation) {
        GraphFixture g = new GraphFixture()
                .node("tokens", "token_input", "length", 4, "vocabulary", 6)
                .node("embed", "token_embedding", "dim", 5)
                .node("pool", "global_pool")
                .node("dense", "dense", "units", 4, "activation", activation)
                .node("out", "softmax_output", "classes", 3)
                .wire("tokens.out", "embed.in").wire("embed.out", "pool.in").wire("pool.out", "dense.in")
                .wire("dense.out", "out.in");
        GradientChecks.assertGradientsMatch(g.graph(), 3, -1);
    }
}
