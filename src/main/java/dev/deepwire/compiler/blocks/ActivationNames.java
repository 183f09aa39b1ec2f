package dev.deepwire.compiler.blocks;

import org.nd4j.linalg.activations.Activation;

/** Maps the catalog's activation names to DL4J's. */
final class ActivationNames {
    private ActivationNames() {
    }

    static Activation of(String name) {
        return switch (name) {
            case "relu" -> Activation.RELU;
            case "gelu" -> Activation.GELU;
            case "tanh" -> Activation.TANH;
            case "sigmoid" -> Activation.SIGMOID;
            case "identity" -> Activation.IDENTITY;
            default -> throw new IllegalArgumentException("unknown activation " + name);
        };
    }
}
