package dev.deepwire.compiler.layers;

/**
 * The terms of {@code LossMCXENT}'s score of softmax probabilities, in one loop: each probability clipped to
 * [ε, 1 − ε] as {@code BooleanIndexing.replaceWhere} clips it (compared and replaced in float), its natural logarithm
 * in float, times the label (a zero label's term the signed zero that product gives, without the logarithm). Summing them is left to libnd4j's {@code reduce_sum}, which splits an array among its
 * OpenMP threads as the training process's settings say: the same sum as DL4J's only when summed the same way.
 * {@code SoftmaxClassifierTest} holds the whole loss to DL4J's value bit for bit.
 */
final class SoftmaxLossKernel {
    private SoftmaxLossKernel() {
    }

    /** {@code y log clip(p)} for the first {@code n} values, into {@code terms}. */
    static void terms(float[] p, float[] y, int n, double clipEps, float[] terms) {
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
            // a zero label's term is a signed zero: log v is negative below 1 and 0 at 1 (NaN, 0 and above 1 take
            // the logarithm, which gives NaN, −∞ · 0 = NaN, or a positive log, as libnd4j's would)
            terms[i] = (y[i] == 0f && v > 0f && v <= 1f ? (v < 1f ? -1f : 0f) : (float) Math.log(v)) * y[i];
        }
    }
}
