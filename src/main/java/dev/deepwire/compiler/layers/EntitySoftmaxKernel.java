package dev.deepwire.compiler.layers;

/**
 * The 1-N loss's work on float scores in Java arrays, in loops the JIT turns into vector instructions: per row the
 * largest score, the scores' sum, {@code exp(s − m)} and its sum, then the loss and {@code softmax(s) − y} — five
 * passes over a row while it is in cache, instead of libnd4j's ten ops over {@code [b, N]} (3.4 ms of
 * wordnet-links-mlp-1n's 9 ms step at batch 128; ADR 0011). {@link EntitySoftmaxLoss} uses it for float scores on the
 * CPU backend and keeps its ND4J path for the rest (double precision in gradient checks, other backends);
 * {@code EntitySoftmaxLossTest} and {@code HostKernelsTest} hold one to the other.
 */
final class EntitySoftmaxKernel {
    private EntitySoftmaxKernel() {
    }

    /**
     * In place, for rows {@code [0, rows)} of {@code x} ({@code n} values each, row-major): scores in,
     * {@code softmax(s) − y} out, and row i's loss into {@code loss[at + i]}, for true ids {@code t[at + i]} and label
     * smoothing {@code eps}: {@code y = (1 − ε) onehot(t) + ε / n}, loss {@code −Σ y log softmax(s)}. In place, so a
     * block of rows is worked on while it stays in the core's cache ({@link EntitySoftmaxLoss} passes a block at a time).
     */
    static void lossAndGradient(float[] x, int rows, int n, int[] t, int at, double eps, double[] loss) {
        float spread = (float) (eps / n);
        for (int i = 0; i < rows; i++) {
            int o = i * n;
            int target = o + t[at + i];
            float atTarget = x[target];
            float m = max(x, o, o + n);
            float sum = sum(x, o, o + n);
            exp(x, o, o + n, m, x);
            float z = sum(x, o, o + n);
            double lse = Math.log(z);
            double shift = m + lse;
            loss[at + i] = -((1.0 - eps) * (atTarget - shift) + eps / n * ((double) sum - n * shift));
            float inv = 1f / z;
            for (int j = o; j < o + n; j++) {
                x[j] = x[j] * inv - spread;
            }
            x[target] -= (float) (1.0 - eps);
        }
    }

    /**
     * The largest of x[from..to), a compare per value (faster here than {@code Math.max}). A NaN is passed over here
     * but reaches the loss through the row's sum and the gradient through exp.
     */
    static float max(float[] x, int from, int to) {
        float m = Float.NEGATIVE_INFINITY;
        for (int j = from; j < to; j++) {
            float v = x[j];
            if (v > m) {
                m = v;
            }
        }
        return m;
    }

    /** Σ x[from..to) in eight running sums: no chain of dependent additions, and pairwise-like rounding. */
    static float sum(float[] x, int from, int to) {
        float a0 = 0;
        float a1 = 0;
        float a2 = 0;
        float a3 = 0;
        float a4 = 0;
        float a5 = 0;
        float a6 = 0;
        float a7 = 0;
        int j = from;
        for (; j + 8 <= to; j += 8) {
            a0 += x[j];
            a1 += x[j + 1];
            a2 += x[j + 2];
            a3 += x[j + 3];
            a4 += x[j + 4];
            a5 += x[j + 5];
            a6 += x[j + 6];
            a7 += x[j + 7];
        }
        float total = ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7));
        for (; j < to; j++) {
            total += x[j];
        }
        return total;
    }

    /**
     * {@code out[j] = exp(x[j] − m)} for j in [from, to), where m is at least every x[j] (so each power is at most 1):
     * {@code exp(y / 128)} as its Taylor polynomial of degree 9 (|y / 128| ≤ 0.68 once y is held above −87, where
     * float's normal numbers end), squared seven times. Only multiplications and additions, so the loop runs in vector
     * registers. Relative error (float rounding of the polynomial, doubled by each squaring): below 10⁻⁵ down to e⁻¹⁰,
     * 3·10⁻⁵ below that; the softmax's gradient carries it as that fraction of each probability.
     */
    static void exp(float[] x, int from, int to, float m, float[] out) {
        for (int j = from; j < to; j++) {
            out[j] = expAtMostZero(x[j] - m);
        }
    }

    /** {@code x[r] = exp(x[r] − m[r])} for r < n, each m[r] at least x[r] (a column's largest score, say). */
    static void exp(float[] x, float[] m, int n) {
        for (int r = 0; r < n; r++) {
            x[r] = expAtMostZero(x[r] - m[r]);
        }
    }

    /** exp(d) for d ≤ 0 as described at {@link #exp(float[], int, int, float, float[])}; inlined into the loops. */
    static float expAtMostZero(float d) {
        float y = Math.max(d, -87f) * (1f / 128);
        float p = 1 + y * (1 + y * (1f / 2 + y * (1f / 6 + y * (1f / 24 + y * (1f / 120 + y * (1f / 720
                + y * (1f / 5040 + y * (1f / 40320 + y * (1f / 362880)))))))));
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        return p;
    }
}
