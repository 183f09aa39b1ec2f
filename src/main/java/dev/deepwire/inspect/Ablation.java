package dev.deepwire.inspect;

/** How a switched-off head's output is replaced. */
public enum Ablation {
    /** The head's output is set to zero. */
    ZERO("zero", "zero: the head's output becomes 0 — as if the head were cut out"),
    /** The head's output is replaced by its average over the validation examples. */
    MEAN("mean", "mean: the head's output becomes its average over the validation set — it still adds its usual "
            + "offset but no longer depends on the input");

    private final String word;
    private final String explanation;

    Ablation(String word, String explanation) {
        this.word = word;
        this.explanation = explanation;
    }

    /** One line that says what switching a head off does in this mode. */
    public String explanation() {
        return explanation;
    }

    /** The mode named {@code word} ({@code zero} or {@code mean}, any case). */
    public static Ablation parse(String word) {
        for (Ablation a : values()) {
            if (a.word.equalsIgnoreCase(word)) {
                return a;
            }
        }
        throw new IllegalArgumentException("mode must be zero or mean; got " + word);
    }

    @Override
    public String toString() {
        return word;
    }
}
