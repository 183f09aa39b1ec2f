package dev.deepwire.compiler.layers;

/**
 * The terms of DL4J's cross-entropy losses from the probabilities, in one loop each, every value rounded to a float as
 * the loss functions' array operations round it (libnd4j's {@code log} and Java's agree on these floats:
 * {@code LeanOutputLayerTest} holds the summed loss to DL4J's bit for bit). Summing them is left to libnd4j's
 * {@code reduce_sum}, which adds an array in its own order (in the training process not a plain loop's).
 */
final class OutputLossTerms {
    private OutputLossTerms() {
    }

    /**
     * {@code LossMCXENT}: {@code y · log clip(p)}, each probability clipped to [ε, 1 − ε] as
     * {@code BooleanIndexing.replaceWhere} clips it (compared and replaced in float). A zero label's term is the signed
     * zero that product gives, without the logarithm: log p is negative below 1 and 0 at 1 (NaN, 0 and values above 1
     * take the logarithm, which gives NaN, −∞ · 0 = NaN or a positive log, as libnd4j's would).
     */
    static void softmax(float[] p, float[] y, int n, double clipEps, float[] terms) {
        boolean clip = clipEps > 0.0;
        float lo = (float) clipEps;
        float hi = (float) (1.0 - clipEps);
        for (int i = 0; i < n; i++) {
            float v = p[i];
            if (clip) {
                if (v < lo) {
                    v = lo;
                }
                if (v > hi) {
                    v = hi;
                }
            }
            terms[i] = (y[i] == 0f && v > 0f && v <= 1f ? (v < 1f ? -1f : 0f) : (float) Math.log(v)) * y[i];
        }
    }

    /**
     * {@code LossBinaryXENT} for probabilities already clipped (its backward pass clips them in place):
     * {@code log p · y + log(1 − p) · (1 − y)}, in that order of operations.
     */
    static void sigmoid(float[] p, float[] y, int n, float[] terms) {
        for (int i = 0; i < n; i++) {
            float first = (float) Math.log(p[i]) * y[i];
            float second = (float) Math.log(1f - p[i]) * (1f - y[i]);
            terms[i] = first + second;
        }
    }
}
