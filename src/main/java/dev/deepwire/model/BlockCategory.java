package dev.deepwire.model;

/** Palette groups, in the order the palette shows them. */
public enum BlockCategory {
    INPUTS("Inputs"), EMBEDDING("Embedding"), ATTENTION("Attention"), FUSION("Fusion"), KNOWLEDGE_GRAPH("Knowledge graph"), CORE("Core"),
    CONVOLUTION("Convolution"), RECURRENT("Recurrent"), OUTPUT("Output");

    private final String label;

    BlockCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
