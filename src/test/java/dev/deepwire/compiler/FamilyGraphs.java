package dev.deepwire.compiler;

import dev.deepwire.GraphFixture;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small graphs that together use every block of the catalog: one per family (cross-modal, knowledge
 * graph, convolution, recurrent) plus variants for the remaining options. Sizes are tiny so double
 * precision gradient checks stay fast.
 */
public final class FamilyGraphs {
    private FamilyGraphs() {
    }

    public static Map<String, GraphFixture> all() {
        Map<String, GraphFixture> all = new LinkedHashMap<>();
        all.put("cross-modal", crossModal());
        all.put("knowledge-graph-concat", knowledgeGraph("concat"));
        all.put("knowledge-graph-sum-distmult-transe", knowledgeGraphScorers());
        all.put("knowledge-graph-1n", knowledgeGraphOneToAll());
        all.put("cnn", cnn());
        all.put("image-patches-cross-attention", imagePatches());
        all.put("lstm", lstm());
        all.put("vectors-and-reshape", vectors());
        return all;
    }

    /** Image row-patches and caption tokens: cross-attention from tokens to patches, gated and weighted fusion. */
    public static GraphFixture crossModal() {
        return new GraphFixture()
                .node("patches", "sequence_input", "features", 4, "length", 3, "masked", true)
                .node("project", "sequence_dense", "units", 6, "activation", "tanh")
                .node("patchPos", "positional_embedding")
                .node("imageBlock", "transformer_block", "heads", 2, "hidden", 5, "activation", "tanh")
                .node("caption", "token_input", "length", 4, "vocabulary", 7, "masked", true)
                .node("words", "token_embedding", "dim", 6)
                .node("look", "cross_attention", "heads", 2)
                .node("residual", "add")
                .node("textPool", "attention_pool", "heads", 2)
                .node("imagePool", "global_pool")
                .node("gate", "gated_fusion")
                .node("mix", "weighted_fusion", "size", 5)
                .node("joined", "concat")
                .node("hidden", "dense", "units", 4, "activation", "tanh")
                .node("match", "sigmoid_output", "units", 1)
                .wire("patches.out", "project.in").wire("project.out", "patchPos.in").wire("patchPos.out", "imageBlock.in")
                .wire("caption.out", "words.in").wire("words.out", "look.queries").wire("imageBlock.out", "look.keys")
                .wire("words.out", "residual.a").wire("look.out", "residual.b").wire("residual.out", "textPool.in")
                .wire("imageBlock.out", "imagePool.in")
                .wire("textPool.out", "gate.a").wire("imagePool.out", "gate.b")
                .wire("textPool.out", "mix.x").wire("imagePool.out", "mix.y")
                .wire("gate.out", "joined.a").wire("mix.out", "joined.b")
                .wire("joined.out", "hidden.in").wire("hidden.out", "match.in");
    }

    /** f(h, r, t) = MLP(E(h) ⊕ E(t) ⊕ E(r)) with one entity table for head and tail. */
    public static GraphFixture knowledgeGraph(String combine) {
        return new GraphFixture()
                .node("head", "id_input", "count", 6)
                .node("relation", "id_input", "count", 3)
                .node("tail", "id_input", "count", 6)
                .node("entities", "entity_embedding", "dim", 4)
                .node("relations", "relation_embedding", "dim", 4)
                .node("score", "kg_mlp_score", "combine", combine, "hidden", 5, "activation", "tanh")
                .node("link", "link_prediction_output")
                .wire("head.out", "entities.head").wire("tail.out", "entities.tail").wire("relation.out", "relations.in")
                .wire("entities.out", "score.head").wire("entities.tail_out", "score.tail")
                .wire("relations.out", "score.relation").wire("score.out", "link.in");
    }

    /** The sum-MLP, DistMult and TransE heads side by side on one shared table. */
    public static GraphFixture knowledgeGraphScorers() {
        GraphFixture g = knowledgeGraph("sum");
        return g.node("distmult", "distmult").node("transe", "transe", "margin", 2.0)
                .node("link2", "link_prediction_output").node("link3", "link_prediction_output")
                .wire("entities.out", "distmult.head").wire("entities.tail_out", "distmult.tail")
                .wire("relations.out", "distmult.relation").wire("distmult.out", "link2.in")
                .wire("entities.out", "transe.head").wire("entities.tail_out", "transe.tail")
                .wire("relations.out", "transe.relation").wire("transe.out", "link3.in");
    }

    /**
     * DistMult, ComplEx and the MLP scorer in their 1-N form on one (head, relation) query, each scoring every
     * entity of its own table; dropout and N3 off so that gradients are checked exactly.
     */
    public static GraphFixture knowledgeGraphOneToAll() {
        return new GraphFixture()
                .node("head", "id_input", "count", 6)
                .node("relation", "id_input", "count", 4)
                .node("distmult", "distmult_1n", "dim", 3, "dropout", 0.0, "n3", 0.0)
                .node("complex", "complex_1n", "dim", 2, "dropout", 0.0, "n3", 0.0)
                .node("mlp", "kg_mlp_1n", "dim", 3, "hidden", 4, "dropout", 0.0, "n3", 0.0)
                .node("rank1", "link_ranking_output").node("rank2", "link_ranking_output").node("rank3", "link_ranking_output")
                .wire("head.out", "distmult.head").wire("relation.out", "distmult.relation").wire("distmult.out", "rank1.in")
                .wire("head.out", "complex.head").wire("relation.out", "complex.relation").wire("complex.out", "rank2.in")
                .wire("head.out", "mlp.head").wire("relation.out", "mlp.relation").wire("mlp.out", "rank3.in");
    }

    public static GraphFixture cnn() {
        return new GraphFixture()
                .node("image", "image_input", "channels", 2, "height", 6, "width", 5)
                .node("conv", "conv2d", "filters", 3, "kernel", 3, "padding", "same", "activation", "tanh")
                .node("norm", "batch_norm")
                .node("pool", "pool2d", "mode", "max", "kernel", 2, "stride", 2)
                .node("conv2", "conv2d", "filters", 2, "kernel", 2, "padding", "valid", "activation", "sigmoid")
                .node("flat", "flatten")
                .node("norm2", "batch_norm")
                .node("act", "activation", "function", "elu")
                .node("out", "softmax_output", "classes", 3)
                .wire("image.out", "conv.in").wire("conv.out", "norm.in").wire("norm.out", "pool.in")
                .wire("pool.out", "conv2.in").wire("conv2.out", "flat.in").wire("flat.out", "norm2.in")
                .wire("norm2.out", "act.in").wire("act.out", "out.in");
    }

    /** An image cut into 2 × 2 patches, projected, attended to by caption tokens (an image into cross-attention). */
    public static GraphFixture imagePatches() {
        return new GraphFixture()
                .node("image", "image_input", "channels", 2, "height", 4, "width", 6)
                .node("cut", "patches", "patch", 2)
                .node("project", "sequence_dense", "units", 4, "activation", "tanh")
                .node("caption", "token_input", "length", 3, "vocabulary", 5, "masked", true)
                .node("words", "token_embedding", "dim", 4)
                .node("look", "cross_attention", "heads", 2)
                .node("pool", "global_pool")
                .node("out", "softmax_output", "classes", 3)
                .wire("image.out", "cut.in").wire("cut.out", "project.in")
                .wire("caption.out", "words.in").wire("words.out", "look.queries").wire("project.out", "look.keys")
                .wire("look.out", "pool.in").wire("pool.out", "out.in");
    }

    public static GraphFixture lstm() {
        return new GraphFixture()
                .node("tokens", "token_input", "length", 5, "vocabulary", 6, "masked", true)
                .node("embed", "token_embedding", "dim", 4)
                .node("ngrams", "conv1d", "filters", 3, "kernel", 2, "padding", "same", "activation", "tanh")
                .node("both", "lstm", "units", 3, "direction", "bidirectional")
                .node("last", "last_step")
                .node("value", "regression_output", "units", 2)
                .node("forward", "lstm", "units", 2, "direction", "forward")
                .node("tags", "sequence_softmax_output", "classes", 3)
                .wire("tokens.out", "embed.in").wire("embed.out", "ngrams.in").wire("ngrams.out", "both.in")
                .wire("both.out", "last.in").wire("last.out", "value.in")
                .wire("embed.out", "forward.in").wire("forward.out", "tags.in");
    }

    /** Vectors through element-wise fusion, reshaped into an image and a sequence, valid 1-D convolution. */
    public static GraphFixture vectors() {
        return new GraphFixture()
                .node("x", "vector_input", "features", 12)
                .node("y", "vector_input", "features", 12)
                .node("maxed", "elementwise", "op", "max")
                .node("prod", "elementwise", "op", "product")
                .node("avg", "elementwise", "op", "average")
                .node("asImage", "reshape", "to", "image", "d1", 1, "d2", 3, "d3", 4)
                .node("conv", "conv2d", "filters", 2, "kernel", 2, "padding", "valid", "activation", "tanh")
                .node("flat", "flatten")
                .node("asSeq", "reshape", "to", "sequence", "d1", 3, "d2", 4)
                .node("conv1", "conv1d", "filters", 2, "kernel", 2, "padding", "valid", "activation", "tanh")
                .node("flatSeq", "flatten")
                .node("joined", "concat")
                .node("out", "regression_output", "units", 1)
                .wire("x.out", "maxed.a").wire("y.out", "maxed.b")
                .wire("x.out", "prod.a").wire("y.out", "prod.b").wire("maxed.out", "prod.c")
                .wire("prod.out", "avg.a").wire("x.out", "avg.b")
                .wire("avg.out", "asImage.in").wire("asImage.out", "conv.in").wire("conv.out", "flat.in")
                .wire("maxed.out", "asSeq.in").wire("asSeq.out", "conv1.in").wire("conv1.out", "flatSeq.in")
                .wire("flat.out", "joined.a").wire("flatSeq.out", "joined.b").wire("y.out", "joined.c")
                .wire("joined.out", "out.in");
    }
}
