package dev.deepwire.model;

import static dev.deepwire.model.PortKind.SEQUENCE;
import static dev.deepwire.model.PortKind.TOKEN_IDS;
import static dev.deepwire.model.PortKind.VECTOR;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every block DeepWire knows, described once as data. The palette, inspector, checker, compiler and
 * docs all read this catalog; blocks are addressed by their stable id ({@code self_attention}).
 */
public final class BlockCatalog {
    private static final List<String> ACTIVATIONS = FamilyBlocks.ACTIVATIONS;
    private static final BlockCatalog STANDARD = new BlockCatalog(standardBlocks());

    private final Map<String, BlockType> types = new LinkedHashMap<>();

    public BlockCatalog(Collection<BlockType> blocks) {
        for (BlockType b : blocks) {
            if (types.put(b.id(), b) != null) {
                throw new IllegalArgumentException("block id '" + b.id() + "' is declared twice");
            }
        }
    }

    /** The catalog the application ships. */
    public static BlockCatalog standard() {
        return STANDARD;
    }

    public Optional<BlockType> find(String id) {
        return Optional.ofNullable(types.get(id));
    }

    public BlockType require(String id) {
        BlockType t = types.get(id);
        if (t == null) {
            throw new IllegalArgumentException("unknown block type '" + id + "'");
        }
        return t;
    }

    public Collection<BlockType> all() {
        return types.values();
    }

    /** A new node of this type with every parameter at its default. */
    public Node newNode(String typeId, String nodeId, double x, double y) {
        BlockType t = require(typeId);
        Map<String, Object> params = new LinkedHashMap<>();
        t.params().forEach(p -> params.put(p.name(), p.defaultValue()));
        return new Node(nodeId, typeId, t.label(), params, x, y);
    }

    /** A parameter's value on a node, falling back to the block's default. */
    public Object paramValue(Node node, String name) {
        Object v = node.param(name);
        if (v != null) {
            return v;
        }
        return require(node.type()).param(name).map(ParamSpec::defaultValue)
                .orElseThrow(() -> new IllegalArgumentException(node.type() + " has no parameter " + name));
    }

    private static List<BlockType> standardBlocks() {
        List<BlockType> all = new ArrayList<>(sequenceBlocks());
        all.addAll(1, InputOutputBlocks.inputs());
        all.addAll(FamilyBlocks.embeddings());
        all.addAll(FamilyBlocks.attention());
        all.addAll(FamilyBlocks.fusion());
        all.addAll(FamilyBlocks.knowledgeGraph());
        all.addAll(KnowledgeGraphBlocks.oneToAll());
        all.addAll(FamilyBlocks.core());
        all.addAll(FamilyBlocks.convolutionAndRecurrent());
        all.addAll(InputOutputBlocks.outputs());
        all.addAll(KnowledgeGraphBlocks.outputs());
        return all;
    }

    private static List<BlockType> sequenceBlocks() {
        PortSpec seqOut = PortSpec.out("out", "sequence of vectors [features × length]", SEQUENCE);
        PortSpec seqIn = PortSpec.in("in", "sequence of vectors [features × length]", SEQUENCE);
        PortSpec anyIn = PortSpec.in("in", "sequence or vector", SEQUENCE, VECTOR);
        PortSpec anyOut = PortSpec.out("out", "same shape as the input", SEQUENCE, VECTOR);
        return List.of(
                new BlockType("token_input", "Token sequence", BlockCategory.INPUTS,
                        "A sequence of integer token ids per example (characters, words, symbols). "
                                + "With masking on, padded positions are ignored by attention and pooling.",
                        "x = (t₁, …, t_T), tᵢ ∈ {0, …, V−1}",
                        List.of(), List.of(PortSpec.out("out", "token ids [length]", TOKEN_IDS)),
                        List.of(ParamSpec.ofInt("length", "Length T", 24, 1, 4096, "Tokens per example"),
                                ParamSpec.ofInt("vocabulary", "Vocabulary V", 32, 2, 1_000_000,
                                        "How many distinct token ids there are"),
                                ParamSpec.ofBoolean("masked", "Padding mask", false,
                                        "Carry a mask so padded positions are ignored"))),
                new BlockType("token_embedding", "Token embedding", BlockCategory.EMBEDDING,
                        "Looks up a learned vector for each token id.",
                        "E(tᵢ) = W[tᵢ], W ∈ ℝ^{V×d}",
                        List.of(PortSpec.in("in", "token ids", TOKEN_IDS)), List.of(seqOut),
                        List.of(ParamSpec.ofInt("dim", "Size d", 64, 1, 8192, "Length of each token vector"),
                                ParamSpec.ofDouble("init_scale", "Initial scale", 1.0, 1e-4, 10,
                                        "Standard deviation of the initial vectors"))),
                new BlockType("positional_embedding", "Positional embedding", BlockCategory.EMBEDDING,
                        "Adds a vector per position so attention can tell order apart. Learned: a trained "
                                + "table; sinusoidal: fixed sines and cosines of different frequencies.",
                        "yₜ = xₜ + P[t]; sinusoidal P[t,2i] = sin(t/10000^{2i/d}), P[t,2i+1] = cos(…)",
                        List.of(seqIn), List.of(seqOut),
                        List.of(ParamSpec.ofChoice("mode", "Mode", "learned", List.of("learned", "sinusoidal"),
                                        "Learned table or fixed sinusoids"),
                                ParamSpec.ofDouble("init_scale", "Initial scale", 1.0, 1e-4, 10,
                                        "Standard deviation of the learned table at start; match the token "
                                                + "embedding's (tiny tables barely move)"))),
                new BlockType("self_attention", "Multi-head self-attention", BlockCategory.ATTENTION,
                        "Each position looks at every (unmasked) position and takes a weighted mix of "
                                + "their values; each head learns its own pattern.",
                        "Attention(Q,K,V) = softmax(QKᵀ/√d_k)V, Q = XW_Q, K = XW_K, V = XW_V; heads concatenated, then W_O",
                        List.of(seqIn), List.of(seqOut),
                        List.of(ParamSpec.ofInt("heads", "Heads", 4, 1, 64,
                                "Number of heads; the feature size must divide evenly by it"))),
                new BlockType("layer_norm", "Layer normalization", BlockCategory.CORE,
                        "Normalises each position's features to zero mean and unit variance, then scales "
                                + "and shifts them with learned gain and bias.",
                        "y = g ⊙ (x − μ)/√(σ² + ε) + b",
                        List.of(anyIn), List.of(anyOut),
                        List.of(ParamSpec.ofDouble("epsilon", "ε", 1e-5, 1e-12, 1e-1,
                                "Added to the variance to avoid division by zero"))),
                new BlockType("feed_forward", "Position-wise feed-forward", BlockCategory.CORE,
                        "The same two-layer network applied at every position.",
                        "FFN(x) = W₂ φ(W₁x + b₁) + b₂",
                        List.of(seqIn), List.of(seqOut),
                        List.of(ParamSpec.ofInt("hidden", "Hidden size", 128, 1, 65536, "Width of the inner layer"),
                                ParamSpec.ofChoice("activation", "Activation φ", "relu", ACTIVATIONS,
                                        "Non-linearity of the inner layer"))),
                new BlockType("add", "Add (residual)", BlockCategory.FUSION,
                        "Adds two inputs of the same shape element by element, e.g. a residual connection.",
                        "y = a + b",
                        List.of(PortSpec.in("a", "first summand", SEQUENCE, VECTOR),
                                PortSpec.in("b", "second summand, same shape as a", SEQUENCE, VECTOR)),
                        List.of(anyOut), List.of()),
                new BlockType("dropout", "Dropout", BlockCategory.CORE,
                        "During training, zeroes each value with probability p and scales the rest by "
                                + "1/(1−p); does nothing at evaluation.",
                        "y = m ⊙ x / (1 − p), m ~ Bernoulli(1 − p)",
                        List.of(anyIn), List.of(anyOut),
                        List.of(ParamSpec.ofDouble("rate", "Drop probability p", 0.1, 0.0, 0.95,
                                "Fraction of values dropped while training"))),
                new BlockType("global_pool", "Pool over time", BlockCategory.CORE,
                        "Reduces a sequence to one vector by the mean or maximum over (unmasked) positions.",
                        "y = (1/T) Σₜ xₜ  or  y = maxₜ xₜ",
                        List.of(seqIn), List.of(PortSpec.out("out", "vector [features]", VECTOR)),
                        List.of(ParamSpec.ofChoice("mode", "Pooling", "mean", List.of("mean", "max"),
                                "Mean or maximum over positions"))),
                new BlockType("dense", "Dense", BlockCategory.CORE,
                        "A fully connected layer on a vector.",
                        "y = φ(Wx + b)",
                        List.of(PortSpec.in("in", "vector [features]", VECTOR)),
                        List.of(PortSpec.out("out", "vector [units]", VECTOR)),
                        List.of(ParamSpec.ofInt("units", "Units", 64, 1, 65536, "Output size"),
                                ParamSpec.ofChoice("activation", "Activation φ", "relu", ACTIVATIONS,
                                        "Non-linearity applied to the output"))),
                new BlockType("softmax_output", "Softmax classifier", BlockCategory.OUTPUT,
                        "Scores each class and turns the scores into probabilities; trained with "
                                + "cross-entropy against the true class.",
                        "p = softmax(Wx + b), loss = −log p_y",
                        List.of(PortSpec.in("in", "vector [features]", VECTOR)), List.of(),
                        List.of(ParamSpec.ofInt("classes", "Classes", 2, 2, 1_000_000, "Number of classes"))));
    }
}
