package dev.deepwire.compiler.layers;

/**
 * {@link TimePool}'s work on float arrays: the input {@code x} is {@code [b, f, T]} row-major (a feature's T values
 * one after another), the mask {@code [b, T]}, the pooled output and its gradient {@code [b, f]}.
 */
final class TimePoolKernel {
    private TimePoolKernel() {
    }

    /** In place: the mask [b, T] becomes the mean's weights, mask / (the example's kept positions). */
    static void meanWeights(float[] mask, int b, int t) {
        for (int e = 0; e < b; e++) {
            float count = 0;
            for (int j = e * t; j < (e + 1) * t; j++) {
                count += mask[j];
            }
            float inv = 1f / count;
            for (int j = e * t; j < (e + 1) * t; j++) {
                mask[j] *= inv;
            }
        }
    }

    /** {@code out[e, i] = Σ_t x[e, i, t] · w[e, t]}. */
    static void mean(float[] x, float[] w, int b, int f, int t, float[] out) {
        for (int e = 0; e < b; e++) {
            int wo = e * t;
            for (int i = 0; i < f; i++) {
                int xo = (e * f + i) * t;
                float s = 0;
                for (int j = 0; j < t; j++) {
                    s += x[xo + j] * w[wo + j];
                }
                out[e * f + i] = s;
            }
        }
    }

    /** {@code dx[e, i, t] = dOut[e, i] · w[e, t]}. */
    static void meanBackward(float[] dOut, float[] w, int b, int f, int t, float[] dx) {
        for (int e = 0; e < b; e++) {
            int wo = e * t;
            for (int i = 0; i < f; i++) {
                int xo = (e * f + i) * t;
                float g = dOut[e * f + i];
                for (int j = 0; j < t; j++) {
                    dx[xo + j] = g * w[wo + j];
                }
            }
        }
    }

    /**
     * {@code out[e, i]}: the largest {@code x[e, i, t]} over the positions the mask keeps (−∞ when it keeps none),
     * its position (the first, on ties) into {@code at[e, i]} (−1 when none).
     */
    static void max(float[] x, float[] mask, int b, int f, int t, float[] out, int[] at) {
        for (int e = 0; e < b; e++) {
            int mo = e * t;
            for (int i = 0; i < f; i++) {
                int xo = (e * f + i) * t;
                float m = Float.NEGATIVE_INFINITY;
                int where = -1;
                for (int j = 0; j < t; j++) {
                    float v = x[xo + j];
                    if (mask[mo + j] != 0 && (v > m || where < 0)) {
                        m = v;
                        where = j;
                    }
                }
                out[e * f + i] = m;
                at[e * f + i] = where;
            }
        }
    }

    /** {@code dx}: each {@code dOut[r]} at row r's max position, 0 elsewhere ({@code rows = b · f}). */
    static void maxBackward(float[] dOut, int[] at, int rows, int t, float[] dx) {
        java.util.Arrays.fill(dx, 0, rows * t, 0f);
        for (int r = 0; r < rows; r++) {
            if (at[r] >= 0) {
                dx[r * t + at[r]] = dOut[r];
            }
        }
    }
}
