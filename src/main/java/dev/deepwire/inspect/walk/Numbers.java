package dev.deepwire.inspect.walk;

import java.util.Locale;

/** Numbers as a walk-through writes them: four significant digits, long vectors shortened with their length. */
public final class Numbers {
    /** Values written in full up to this many; longer vectors show their first ones and their length. */
    static final int SHOWN = 8;

    private Numbers() {
    }

    public static String of(double v) {
        if (Double.isNaN(v)) {
            return "masked";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 1e4 || (v != 0 && Math.abs(v) < 1e-3) ? "%.3e" : "%.4g", v)
                .replaceAll("(\\.\\d*?)0+($|e)", "$1$2").replace(".e", "e").replaceAll("\\.$", "");
    }

    /** {@code [0.12, -0.5, …]} with at most {@link #SHOWN} values, then "… (n values)". */
    public static String vector(float[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < Math.min(v.length, SHOWN); i++) {
            b.append(i == 0 ? "" : ", ").append(of(v[i]));
        }
        if (v.length > SHOWN) {
            b.append(", … (").append(v.length).append(" values)");
        }
        return b.append(']').toString();
    }

    /** Tokens written in full up to this many; longer sequences show their first ones and their length. */
    static final int TOKENS_SHOWN = 32;

    /** A sequence's tokens by name, {@code t31 t26 <M> t7}, at most {@link #TOKENS_SHOWN}, then "… (n tokens)". */
    public static String tokens(java.util.List<String> names) {
        String shown = String.join(" ", names.subList(0, Math.min(names.size(), TOKENS_SHOWN)));
        return names.size() > TOKENS_SHOWN ? shown + " … (" + names.size() + " tokens)" : shown;
    }
}
