package dev.deepwire.model;

import static dev.deepwire.model.PortKind.ID;
import static dev.deepwire.model.PortKind.VECTOR;

import java.util.ArrayList;
import java.util.List;

/**
 * Catalog entries for 1-N link prediction: a (head, relation) query scored against every entity of the shared
 * table at once, and the softmax output that trains it. The scorers own the entity and relation tables (the
 * entity table is read by both sides of the product), so they take the ids themselves.
 */
final class KnowledgeGraphBlocks {
    private KnowledgeGraphBlocks() {
    }

    private static List<PortSpec> query() {
        return List.of(PortSpec.in("head", "head entity id (tail id for a reciprocal query)", ID),
                PortSpec.in("relation", "relation id (ids from the relation count up are the reciprocals)", ID));
    }

    private static List<ParamSpec> common(int dim, String dimHelp) {
        return List.of(ParamSpec.ofInt("dim", "Size d", dim, 1, 4096, dimHelp),
                ParamSpec.ofDouble("dropout", "Query dropout", 0.2, 0.0, 0.9,
                        "Dropout on the query vector q(h, r) while training"),
                ParamSpec.ofDouble("n3", "N3 weight", 0.003, 0.0, 1.0,
                        "Weight λ of the N3 regulariser λ Σ |x|³ on the head and relation vectors of each query "
                                + "(added to the gradient; 0 turns it off)"));
    }

    static List<BlockType> oneToAll() {
        PortSpec scores = PortSpec.out("out", "a score for every entity as the tail [N]", VECTOR);
        List<ParamSpec> mlp = new ArrayList<>(common(64, "Length of each entity and relation vector"));
        mlp.add(1, ParamSpec.ofInt("hidden", "Hidden size", 128, 1, 65536, "Width of the MLP's layer"));
        return List.of(
                new BlockType("distmult_1n", "DistMult (1-N)", BlockCategory.KNOWLEDGE_GRAPH,
                        "Scores a (head, relation) query against every entity at once: the query vector is the "
                                + "element-wise product of the head and relation vectors, dotted with every row of "
                                + "the entity table. The same table gives the head vector and the scored tails.",
                        "s(h, r, ·) = (E(h) ⊙ R(r)) Eᵀ, E ∈ ℝ^{N×d} shared",
                        query(), List.of(scores), common(64, "Length of each entity and relation vector")),
                new BlockType("complex_1n", "ComplEx (1-N)", BlockCategory.KNOWLEDGE_GRAPH,
                        "DistMult with complex numbers: each entity and relation is d complex numbers (2d reals), "
                                + "and the score is the real part of ⟨h, r, conj(t)⟩, so a relation can be "
                                + "asymmetric (hypernym is not hyponym). Scored against every entity at once.",
                        "s(h, r, t) = Re(Σᵢ hᵢ rᵢ conj(tᵢ)), for every t",
                        query(), List.of(scores), common(64, "Complex numbers per vector (the table holds 2d reals)")),
                new BlockType("kg_mlp_1n", "MLP scorer (1-N)", BlockCategory.KNOWLEDGE_GRAPH,
                        "The seed's MLP scorer in 1-N form: an MLP over the joined head and relation vectors "
                                + "gives a query vector, dotted with every entity's vector (the same table).",
                        "s(h, r, ·) = (W₂ relu(W₁ [E(h); R(r)] + b₁) + b₂) Eᵀ",
                        query(), List.of(scores), mlp));
    }

    static List<BlockType> outputs() {
        return List.of(new BlockType("link_ranking_output", "Link ranking output (1-N)", BlockCategory.OUTPUT,
                "Trains a 1-N scorer: a softmax over all entities, cross-entropy against the true tail (with label "
                        + "smoothing). Every other entity is a negative, so no negatives are drawn.",
                "p = softmax(s), loss = −Σₜ yₜ log pₜ, y = (1−ε) onehot(t) + ε/N",
                List.of(PortSpec.in("in", "a score for every entity [N]", VECTOR)), List.of(),
                List.of(ParamSpec.ofDouble("smoothing", "Label smoothing ε", 0.1, 0.0, 0.9,
                        "Share of the target spread evenly over all entities"))));
    }
}
