package dev.deepwire.compiler.layers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The attention softmax and its gradient as Java loops over scores laid out keys-major: {@code [keys, R]}, one row per
 * key, R = batch · heads · queries. Every loop then runs the length of a row (thousands of values, which C2 turns into
 * vector instructions) instead of one short loop per query over its 6–24 keys, which neither libnd4j's softmax op nor a
 * Java loop runs fast (libnd4j: 430 µs for marker's [64, 4, 24, 24] a step; this: about a third of it, ADR 0011).
 * {@link AttentionRows} has BLAS write the scores in that layout (each head's keys · queriesᵀ) and reads the weights
 * in it; the double-precision path (gradient checks) keeps ND4J's softmax over {@code [batch, heads, queries, keys]},
 * and {@code HostKernelsTest} holds one to the other. The per-key arrays are kept between steps (one instance per
 * layer).
 */
final class KeySoftmax {
    /** What a masked key's score gets added before the softmax, as on the ND4J path; its weight is then set to 0. */
    static final float MASKED = -1e9f;

    private float[][] rows = new float[0][];
    private float[][] other = new float[0][];
    private float[] col = new float[0];
    private float[] mask = new float[0];

    /**
     * In place: {@code scores} [keys, R] becomes, per column, the softmax over its keys. Where {@code keyMask}
     * [batch, keys] (or null) is 0, the key is left out: its score gets {@link #MASKED} added, so it neither sets a
     * column's largest score nor adds to its sum, and its weight is then exactly 0 (as exp(−10⁹) is on the ND4J path;
     * the exp polynomial's floor, e⁻⁸⁷ ≈ 1.6·10⁻³⁸, divided by the column's sum is a subnormal float, and arithmetic
     * on those is a hundred times slower). Column r belongs to example {@code r / perExample}.
     */
    void forward(INDArray scores, INDArray keyMask, int perExample) {
        int keys = (int) scores.size(0);
        int n = (int) scores.size(1);
        rows = HostArrays.grow(rows, keys, n);
        col = HostArrays.grow(col, n);
        HostArrays.readRows(scores, rows);
        if (keyMask != null) {
            mask = HostArrays.read(keyMask.castTo(DataType.FLOAT), mask);
            eachMasked(keys, n, perExample, (row, from, to) -> {
                for (int r = from; r < to; r++) {
                    row[r] += MASKED;
                }
            });
        }
        softmax(rows, keys, n, col);
        if (keyMask != null) {
            eachMasked(keys, n, perExample, (row, from, to) -> java.util.Arrays.fill(row, from, to, 0f));
        }
        HostArrays.writeRows(rows, scores);
    }

    /** A key's row over one example's columns. */
    private interface Span {
        void apply(float[] row, int from, int to);
    }

    /** Calls {@code span} for every (example, key) the mask read last leaves out. */
    private void eachMasked(int keys, int n, int perExample, Span span) {
        for (int e = 0; e < n / perExample; e++) {
            for (int j = 0; j < keys; j++) {
                if (mask[e * keys + j] == 0) {
                    span.apply(rows[j], e * perExample, (e + 1) * perExample);
                }
            }
        }
    }

    /** Softmax over the first {@code keys} arrays, per column r < n; {@code m} is scratch of at least n. */
    static void softmax(float[][] s, int keys, int n, float[] m) {
        System.arraycopy(s[0], 0, m, 0, n);
        for (int j = 1; j < keys; j++) {
            float[] row = s[j];
            for (int r = 0; r < n; r++) {
                m[r] = Math.max(m[r], row[r]);
            }
        }
        for (int j = 0; j < keys; j++) {
            EntitySoftmaxKernel.exp(s[j], m, n);
        }
        float[] z = m; // the maxima are not needed any more
        System.arraycopy(s[0], 0, z, 0, n);
        for (int j = 1; j < keys; j++) {
            float[] row = s[j];
            for (int r = 0; r < n; r++) {
                z[r] += row[r];
            }
        }
        for (int r = 0; r < n; r++) {
            z[r] = 1f / z[r];
        }
        for (int j = 0; j < keys; j++) {
            float[] row = s[j];
            for (int r = 0; r < n; r++) {
                row[r] *= z[r];
            }
        }
    }

    /**
     * In place: {@code dWeights} [keys, R] (the loss's gradient by the weights) becomes the gradient by the scores
     * before scaling, times {@code scale}: {@code (dA − Σ_keys dA ⊙ a) ⊙ a · scale}, a = {@code weights} [keys, R].
     */
    void backward(INDArray dWeights, INDArray weights, double scale) {
        int keys = (int) weights.size(0);
        int n = (int) weights.size(1);
        rows = HostArrays.grow(rows, keys, n);
        other = HostArrays.grow(other, keys, n);
        col = HostArrays.grow(col, n);
        HostArrays.readRows(dWeights, rows);
        HostArrays.readRows(weights, other);
        backward(rows, other, keys, n, (float) scale, col);
        HostArrays.writeRows(rows, dWeights);
    }

    static void backward(float[][] d, float[][] a, int keys, int n, float scale, float[] dot) {
        java.util.Arrays.fill(dot, 0, n, 0f);
        for (int j = 0; j < keys; j++) {
            float[] dj = d[j];
            float[] aj = a[j];
            for (int r = 0; r < n; r++) {
                dot[r] += dj[r] * aj[r];
            }
        }
        for (int j = 0; j < keys; j++) {
            float[] dj = d[j];
            float[] aj = a[j];
            for (int r = 0; r < n; r++) {
                dj[r] = (dj[r] - dot[r]) * aj[r] * scale;
            }
        }
    }
}
