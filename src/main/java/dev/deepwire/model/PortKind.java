package dev.deepwire.model;

/** What travels along a wire; ports are coloured by kind and only matching kinds connect. */
public enum PortKind {
    /** Integer token ids over time, one sequence per example: {@code [length]}. */
    TOKEN_IDS("token ids"),
    /** A sequence of feature vectors: {@code [features × length]}. */
    SEQUENCE("sequence"),
    /** One feature vector per example: {@code [features]}. */
    VECTOR("vector"),
    /** A single integer id per example (an entity or relation). */
    ID("id"),
    /** An image: {@code [channels × height × width]}. */
    IMAGE("image");

    private final String label;

    PortKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
