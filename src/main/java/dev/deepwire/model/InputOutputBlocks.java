package dev.deepwire.model;

import static dev.deepwire.model.PortKind.ID;
import static dev.deepwire.model.PortKind.IMAGE;
import static dev.deepwire.model.PortKind.SEQUENCE;
import static dev.deepwire.model.PortKind.VECTOR;

import java.util.List;

/** Catalog entries for the data-carrying inputs beyond token sequences, and the non-softmax outputs. */
final class InputOutputBlocks {
    private InputOutputBlocks() {
    }

    static List<BlockType> inputs() {
        return List.of(
                new BlockType("vector_input", "Vector input", BlockCategory.INPUTS,
                        "A fixed-size vector of numbers per example (measurements, pixels, features from a CSV).",
                        "x ∈ ℝⁿ",
                        List.of(), List.of(PortSpec.out("out", "vector [features]", VECTOR)),
                        List.of(ParamSpec.ofInt("features", "Features n", 4, 1, 1_000_000, "Numbers per example"))),
                new BlockType("image_input", "Image input", BlockCategory.INPUTS,
                        "An image per example, channels × height × width (1 channel for grey, 3 for colour).",
                        "x ∈ ℝ^{c×h×w}",
                        List.of(), List.of(PortSpec.out("out", "image [channels × height × width]", IMAGE)),
                        List.of(ParamSpec.ofInt("height", "Height h", 8, 1, 4096, "Rows of pixels"),
                                ParamSpec.ofInt("width", "Width w", 8, 1, 4096, "Columns of pixels"),
                                ParamSpec.ofInt("channels", "Channels c", 1, 1, 64, "1 grey, 3 colour"))),
                new BlockType("sequence_input", "Sequence-of-vectors input", BlockCategory.INPUTS,
                        "A sequence of feature vectors per example, e.g. the rows of an image as patches or "
                                + "sensor readings over time. With masking on, padded positions are ignored.",
                        "x = (x₁, …, x_T), xₜ ∈ ℝᶠ",
                        List.of(), List.of(PortSpec.out("out", "sequence [features × length]", SEQUENCE)),
                        List.of(ParamSpec.ofInt("features", "Features f", 8, 1, 65536, "Numbers per position"),
                                ParamSpec.ofInt("length", "Length T", 8, 1, 4096, "Positions per example"),
                                ParamSpec.ofBoolean("masked", "Padding mask", false,
                                        "Carry a mask so padded positions are ignored"))),
                new BlockType("id_input", "Id input", BlockCategory.INPUTS,
                        "A single integer id per example, e.g. the head entity, tail entity or relation of a "
                                + "knowledge-graph triple.",
                        "i ∈ {0, …, N−1}",
                        List.of(), List.of(PortSpec.out("out", "one id", ID)),
                        List.of(ParamSpec.ofInt("count", "Distinct ids N", 100, 1, 10_000_000,
                                "How many different ids there are (entities or relations)"))));
    }

    static List<BlockType> outputs() {
        return List.of(
                new BlockType("sigmoid_output", "Sigmoid (binary) output", BlockCategory.OUTPUT,
                        "Scores yes/no questions (one per unit) and turns each score into a probability; trained "
                                + "with binary cross-entropy. Accuracy counts p > 0.5 as yes.",
                        "p = σ(Wx + b), loss = −[y log p + (1−y) log(1−p)]",
                        List.of(PortSpec.in("in", "vector [features]", VECTOR)), List.of(),
                        List.of(ParamSpec.ofInt("units", "Outputs", 1, 1, 100_000, "Independent yes/no outputs"))),
                new BlockType("regression_output", "Regression output (MSE)", BlockCategory.OUTPUT,
                        "Predicts real numbers; trained to minimise the mean squared error.",
                        "ŷ = Wx + b, loss = mean (ŷ − y)²",
                        List.of(PortSpec.in("in", "vector [features]", VECTOR)), List.of(),
                        List.of(ParamSpec.ofInt("units", "Outputs", 1, 1, 100_000, "Numbers to predict"))),
                new BlockType("sequence_softmax_output", "Per-step softmax output", BlockCategory.OUTPUT,
                        "A class prediction at every position of a sequence (tagging, next-token prediction); "
                                + "padded positions are left out of the loss.",
                        "pₜ = softmax(W xₜ + b), loss = −Σₜ log pₜ[yₜ]",
                        List.of(PortSpec.in("in", "sequence [features × length]", SEQUENCE)), List.of(),
                        List.of(ParamSpec.ofInt("classes", "Classes", 2, 2, 1_000_000, "Classes per position"))),
                new BlockType("link_prediction_output", "Link prediction output", BlockCategory.OUTPUT,
                        "Turns a triple's plausibility score into a probability that the link is true (with a learned "
                                + "scale a and offset b). Trained on "
                                + "the true triples and on corrupted ones (head or tail replaced by a random entity) "
                                + "as negatives; the settings here say how many and which side.",
                        "p = σ(a·score + b), loss = −[y log p + (1−y) log(1−p)], y = 1 true, 0 corrupted",
                        List.of(PortSpec.in("in", "score [1]", VECTOR)), List.of(),
                        List.of(ParamSpec.ofInt("negatives", "Negatives per true triple", 1, 1, 100,
                                        "Corrupted triples drawn for each true one"),
                                ParamSpec.ofChoice("corrupt", "Corrupt", "both", List.of("head", "tail", "both"),
                                        "Which side of a triple is replaced to make a negative"))));
    }
}
