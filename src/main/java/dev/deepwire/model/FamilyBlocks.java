package dev.deepwire.model;

import static dev.deepwire.model.PortKind.ID;
import static dev.deepwire.model.PortKind.IMAGE;
import static dev.deepwire.model.PortKind.SEQUENCE;
import static dev.deepwire.model.PortKind.VECTOR;

import java.util.List;

/** Catalog entries for embeddings of ids, cross-attention and pooling, fusion and knowledge-graph scoring. */
final class FamilyBlocks {
    static final List<String> ACTIVATIONS = List.of("relu", "gelu", "tanh", "sigmoid", "identity");

    private FamilyBlocks() {
    }

    private static PortSpec vectorOrSequence(String name, String help, boolean required) {
        return required ? PortSpec.in(name, help, VECTOR, SEQUENCE) : PortSpec.optional(name, help, VECTOR, SEQUENCE);
    }

    static List<BlockType> embeddings() {
        return List.of(
                new BlockType("entity_embedding", "Entity embedding (shared)", BlockCategory.EMBEDDING,
                        "One learned table of entity vectors, looked up for the head and for the tail of a "
                                + "triple: both sides share the same table, so what is learned about an entity as a "
                                + "head carries over when it appears as a tail.",
                        "E(h) = W[h], E(t) = W[t], W ∈ ℝ^{N×d}",
                        List.of(PortSpec.in("head", "head entity id", ID),
                                PortSpec.optional("tail", "tail entity id (same table)", ID)),
                        List.of(PortSpec.out("out", "vector of the head entity [d]", VECTOR),
                                PortSpec.out("tail_out", "vector of the tail entity [d]", VECTOR)),
                        List.of(ParamSpec.ofInt("dim", "Size d", 64, 1, 8192, "Length of each entity vector"))),
                new BlockType("relation_embedding", "Relation embedding", BlockCategory.EMBEDDING,
                        "A learned vector for each relation id (hypernym, part-of, …).",
                        "E(r) = R[r], R ∈ ℝ^{M×d}",
                        List.of(PortSpec.in("in", "relation id", ID)),
                        List.of(PortSpec.out("out", "vector [d]", VECTOR)),
                        List.of(ParamSpec.ofInt("dim", "Size d", 64, 1, 8192, "Length of each relation vector"))));
    }

    static List<BlockType> attention() {
        PortSpec seqOut = PortSpec.out("out", "sequence [features × length]", SEQUENCE);
        return List.of(
                new BlockType("cross_attention", "Multi-head cross-attention", BlockCategory.ATTENTION,
                        "Each query position (e.g. a caption token) looks at every unmasked position of the "
                                + "other input (e.g. image patches) and takes a weighted mix of its values. The "
                                + "output keeps the queries' length and size, so it can be added back as a residual.",
                        "softmax(Q Kᵀ/√d_k) V, Q = X_q W_Q, K = X_kv W_K, V = X_kv W_V; heads concatenated, then W_O",
                        List.of(PortSpec.in("queries", "sequence asking [d_q × T_q]", SEQUENCE),
                                PortSpec.in("keys", "sequence looked at, gives keys and values [d_kv × T_kv]", SEQUENCE)),
                        List.of(seqOut),
                        List.of(ParamSpec.ofInt("heads", "Heads", 4, 1, 64,
                                "Number of heads; the query feature size must divide evenly by it"))),
                new BlockType("attention_pool", "Attention pooling", BlockCategory.ATTENTION,
                        "Reduces a sequence to one vector with learned queries: each head learns which positions "
                                + "matter and averages their values with those weights (masked positions get none).",
                        "aₕ = softmax(qₕᵀ K_h/√d_k), y = W_O [a₁V₁; …; a_HV_H]",
                        List.of(PortSpec.in("in", "sequence [features × length]", SEQUENCE)),
                        List.of(PortSpec.out("out", "vector [features]", VECTOR)),
                        List.of(ParamSpec.ofInt("heads", "Heads", 4, 1, 64,
                                "Number of learned queries; the feature size must divide evenly by it"))),
                new BlockType("transformer_block", "Transformer encoder block", BlockCategory.ATTENTION,
                        "Self-attention with a residual and layer norm, then a position-wise feed-forward network "
                                + "with a residual and layer norm, as one block. Its attention can still be "
                                + "inspected.",
                        "h = LN(x + MHA(x)); y = LN(h + FFN(h))",
                        List.of(PortSpec.in("in", "sequence [features × length]", SEQUENCE)), List.of(seqOut),
                        List.of(ParamSpec.ofInt("heads", "Heads", 4, 1, 64, "Attention heads; must divide the feature size"),
                                ParamSpec.ofInt("hidden", "Feed-forward size", 128, 1, 65536, "Width of the inner layer"),
                                ParamSpec.ofChoice("activation", "Activation", "relu", ACTIVATIONS,
                                        "Non-linearity of the feed-forward layer"),
                                ParamSpec.ofDouble("dropout", "Dropout", 0.0, 0.0, 0.9,
                                        "Dropout after attention and feed-forward while training"))));
    }

    static List<BlockType> fusion() {
        PortSpec a = vectorOrSequence("a", "first input", true);
        PortSpec b = vectorOrSequence("b", "second input", true);
        PortSpec c = vectorOrSequence("c", "optional third input", false);
        PortSpec out = PortSpec.out("out", "fused", VECTOR, SEQUENCE);
        return List.of(
                new BlockType("concat", "Concatenate", BlockCategory.FUSION,
                        "Joins the inputs' features side by side (sequences must have the same length).",
                        "y = [a; b; c]",
                        List.of(a, b, c), List.of(out), List.of()),
                new BlockType("elementwise", "Element-wise fusion", BlockCategory.FUSION,
                        "Combines inputs of the same size value by value: sum, product, average or maximum.",
                        "y = a ∘ b ∘ c, ∘ ∈ {+, ⊙, mean, max}",
                        List.of(a, b, c), List.of(out),
                        List.of(ParamSpec.ofChoice("op", "Operation", "sum", List.of("sum", "product", "average", "max"),
                                "How values are combined"))),
                new BlockType("gated_fusion", "Gated fusion", BlockCategory.FUSION,
                        "A learned gate decides, feature by feature, how much of a and how much of b to keep.",
                        "g = σ(W[a; b] + c), y = g ⊙ a + (1 − g) ⊙ b",
                        List.of(a, b), List.of(out), List.of()),
                new BlockType("weighted_fusion", "Weighted-sum fusion", BlockCategory.FUSION,
                        "Projects each input to a common size and adds them with learned weights, the seed's "
                                + "cross-modal formula.",
                        "y = α f(x) + β g(y), f, g learned projections, α, β learned weights",
                        List.of(vectorOrSequence("x", "first modality (e.g. image features)", true),
                                vectorOrSequence("y", "second modality (e.g. text features)", true)),
                        List.of(out),
                        List.of(ParamSpec.ofInt("size", "Common size", 64, 1, 65536, "Size both inputs are projected to"))));
    }

    static List<BlockType> knowledgeGraph() {
        List<PortSpec> triple = List.of(PortSpec.in("head", "head entity vector", VECTOR),
                PortSpec.in("relation", "relation vector", VECTOR), PortSpec.in("tail", "tail entity vector", VECTOR));
        PortSpec score = PortSpec.out("out", "plausibility score [1]", VECTOR);
        return List.of(
                new BlockType("kg_mlp_score", "MLP triple scorer", BlockCategory.KNOWLEDGE_GRAPH,
                        "The seed's structured-knowledge scorer: joins head, tail and relation vectors (⊕ = "
                                + "concatenation or element-wise sum) and scores the triple with a small MLP.",
                        "f(h, r, t) = w₂ᵀ φ(W₁ (E(h) ⊕ E(t) ⊕ E(r)) + b₁) + b₂",
                        triple, List.of(score),
                        List.of(ParamSpec.ofChoice("combine", "⊕", "concat", List.of("concat", "sum"),
                                        "Concatenate the three vectors, or add them (sizes must match)"),
                                ParamSpec.ofInt("hidden", "Hidden size", 128, 1, 65536, "Width of the MLP's layer"),
                                ParamSpec.ofChoice("activation", "Activation φ", "relu", ACTIVATIONS, "MLP non-linearity"))),
                new BlockType("distmult", "DistMult score", BlockCategory.KNOWLEDGE_GRAPH,
                        "Scores a triple by the three-way product of head, relation and tail vectors.",
                        "f(h, r, t) = Σᵢ hᵢ rᵢ tᵢ",
                        triple, List.of(score), List.of()),
                new BlockType("transe", "TransE score", BlockCategory.KNOWLEDGE_GRAPH,
                        "A relation is a translation: a true triple has head + relation close to tail. The score "
                                + "is a learned margin minus that distance.",
                        "f(h, r, t) = γ − ‖h + r − t‖₂",
                        triple, List.of(score),
                        List.of(ParamSpec.ofDouble("margin", "Initial margin γ", 6.0, 0.0, 1000.0,
                                "Starting value of the learned margin"))));
    }

    static List<BlockType> core() {
        PortSpec anyIn = PortSpec.in("in", "vector, sequence or image", VECTOR, SEQUENCE, IMAGE);
        PortSpec anyOut = PortSpec.out("out", "same shape as the input", VECTOR, SEQUENCE, IMAGE);
        return List.of(
                new BlockType("activation", "Activation", BlockCategory.CORE,
                        "Applies a non-linearity to every value.",
                        "y = φ(x)",
                        List.of(anyIn), List.of(anyOut),
                        List.of(ParamSpec.ofChoice("function", "Function φ", "relu",
                                List.of("relu", "gelu", "tanh", "sigmoid", "leakyrelu", "elu", "softplus", "identity"),
                                "Which non-linearity"))),
                new BlockType("batch_norm", "Batch normalization", BlockCategory.CORE,
                        "Normalises each feature (or image channel) over the batch while training and with "
                                + "running averages at evaluation, then scales and shifts it.",
                        "y = γ (x − μ_B)/√(σ²_B + ε) + β",
                        List.of(PortSpec.in("in", "vector or image", VECTOR, IMAGE)),
                        List.of(PortSpec.out("out", "same shape", VECTOR, IMAGE)),
                        List.of(ParamSpec.ofDouble("decay", "Running-average decay", 0.9, 0.0, 0.9999,
                                "How slowly the evaluation statistics follow the batches"))),
                new BlockType("flatten", "Flatten", BlockCategory.CORE,
                        "Turns an image or a sequence into one long vector.",
                        "y = vec(x)",
                        List.of(PortSpec.in("in", "image or sequence", IMAGE, SEQUENCE)),
                        List.of(PortSpec.out("out", "vector", VECTOR)), List.of()),
                new BlockType("reshape", "Reshape", BlockCategory.CORE,
                        "Reads a vector as an image (channels × height × width) or as a sequence "
                                + "(features × length); the sizes must multiply to the vector's size.",
                        "y = reshape(x)",
                        List.of(PortSpec.in("in", "vector", VECTOR)),
                        List.of(PortSpec.out("out", "image or sequence", IMAGE, SEQUENCE)),
                        List.of(ParamSpec.ofChoice("to", "Into", "sequence", List.of("sequence", "image"), "Target kind"),
                                ParamSpec.ofInt("d1", "Features / channels", 1, 1, 65536, "First size"),
                                ParamSpec.ofInt("d2", "Length / height", 1, 1, 65536, "Second size"),
                                ParamSpec.ofInt("d3", "Width (images)", 1, 1, 65536, "Third size, images only"))),
                new BlockType("sequence_dense", "Position-wise dense", BlockCategory.CORE,
                        "The same fully connected layer at every position, e.g. projecting 8-pixel patches to 64 "
                                + "features.",
                        "yₜ = φ(W xₜ + b)",
                        List.of(PortSpec.in("in", "sequence [features × length]", SEQUENCE)),
                        List.of(PortSpec.out("out", "sequence [units × length]", SEQUENCE)),
                        List.of(ParamSpec.ofInt("units", "Units", 64, 1, 65536, "Output size per position"),
                                ParamSpec.ofChoice("activation", "Activation φ", "identity", ACTIVATIONS,
                                        "Non-linearity per position"))));
    }

    static List<BlockType> convolutionAndRecurrent() {
        List<String> acts = List.of("relu", "tanh", "sigmoid", "identity");
        return List.of(
                new BlockType("conv2d", "Convolution 2D", BlockCategory.CONVOLUTION,
                        "Slides learned k × k filters over the image; each filter makes one output channel.",
                        "yᶠ = φ(Σ_c Wᶠ_c ⋆ x_c + bᶠ)",
                        List.of(PortSpec.in("in", "image", IMAGE)), List.of(PortSpec.out("out", "image", IMAGE)),
                        List.of(ParamSpec.ofInt("filters", "Filters", 16, 1, 4096, "Output channels"),
                                ParamSpec.ofInt("kernel", "Kernel k", 3, 1, 31, "Filter height and width"),
                                ParamSpec.ofInt("stride", "Stride", 1, 1, 16, "Step between filter positions"),
                                ParamSpec.ofChoice("padding", "Padding", "same", List.of("same", "valid"),
                                        "same: output size = input size / stride; valid: no padding"),
                                ParamSpec.ofChoice("activation", "Activation φ", "relu", acts, "Non-linearity"))),
                new BlockType("pool2d", "Pooling 2D", BlockCategory.CONVOLUTION,
                        "Keeps the maximum (or mean) of each k × k window, shrinking the image.",
                        "y = max_{window} x",
                        List.of(PortSpec.in("in", "image", IMAGE)), List.of(PortSpec.out("out", "image", IMAGE)),
                        List.of(ParamSpec.ofChoice("mode", "Pooling", "max", List.of("max", "mean"), "Max or mean"),
                                ParamSpec.ofInt("kernel", "Window k", 2, 1, 31, "Window height and width"),
                                ParamSpec.ofInt("stride", "Stride", 2, 1, 31, "Step between windows"))),
                new BlockType("patches", "Image patches", BlockCategory.CONVOLUTION,
                        "Cuts the image into p × p patches, read left to right, top to bottom, and makes each patch "
                                + "one position of a sequence (its c·p·p pixels the features): the way an image "
                                + "reaches attention and cross-attention. Add a position-wise dense layer to project "
                                + "the patches and positions to tell them apart.",
                        "xᵢ = vec(patch i), i = 1 … (h/p)(w/p)",
                        List.of(PortSpec.in("in", "image", IMAGE)),
                        List.of(PortSpec.out("out", "sequence [c·p·p × patches]", SEQUENCE)),
                        List.of(ParamSpec.ofInt("patch", "Patch size p", 4, 1, 64,
                                "Patch height and width; must divide the image's height and width"))),
                new BlockType("conv1d", "Convolution 1D", BlockCategory.CONVOLUTION,
                        "Slides learned filters along a sequence (n-gram detectors over tokens).",
                        "yₜᶠ = φ(Σ_{j<k} Wᶠ_j x_{t+j} + bᶠ)",
                        List.of(PortSpec.in("in", "sequence", SEQUENCE)), List.of(PortSpec.out("out", "sequence", SEQUENCE)),
                        List.of(ParamSpec.ofInt("filters", "Filters", 32, 1, 4096, "Output features"),
                                ParamSpec.ofInt("kernel", "Kernel k", 3, 1, 63, "Positions each filter spans"),
                                ParamSpec.ofChoice("padding", "Padding", "same", List.of("same", "valid"),
                                        "same keeps the length; valid shortens it by k − 1"),
                                ParamSpec.ofChoice("activation", "Activation φ", "relu", acts, "Non-linearity"))),
                new BlockType("lstm", "LSTM", BlockCategory.RECURRENT,
                        "A recurrent layer that reads the sequence step by step and keeps a memory; "
                                + "bidirectional reads it both ways and joins the two.",
                        "iₜ,fₜ,oₜ = σ(W[xₜ; hₜ₋₁] + b), cₜ = fₜ⊙cₜ₋₁ + iₜ⊙tanh(W_c[xₜ; hₜ₋₁] + b_c), hₜ = oₜ⊙tanh(cₜ)",
                        List.of(PortSpec.in("in", "sequence", SEQUENCE)), List.of(PortSpec.out("out", "sequence", SEQUENCE)),
                        List.of(ParamSpec.ofInt("units", "Units", 64, 1, 8192, "Memory size per direction"),
                                ParamSpec.ofChoice("direction", "Direction", "forward", List.of("forward", "bidirectional"),
                                        "Bidirectional concatenates both directions (2 × units)"))),
                new BlockType("last_step", "Last time step", BlockCategory.RECURRENT,
                        "Takes the vector at the last (unpadded) position of each sequence.",
                        "y = x_{T_last}",
                        List.of(PortSpec.in("in", "sequence", SEQUENCE)), List.of(PortSpec.out("out", "vector", VECTOR)),
                        List.of()));
    }
}
