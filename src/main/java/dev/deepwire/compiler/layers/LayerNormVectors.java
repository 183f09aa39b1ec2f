package dev.deepwire.compiler.layers;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Layer normalisation over {@code [batch, features, positions]} in explicit vector instructions, reading and writing the
 * arrays' native buffers in place: every statistic is over the features of one (example, position), and the values of
 * one feature at consecutive positions lie side by side, so a vector holds {@link #LANES} positions and the loops over
 * features need no copy into Java arrays and no transpose (those were 8 % of marker's step against 2 % for the
 * arithmetic; ADR 0011, decision 21). Loaded only where {@link VectorKernels#ON}.
 *
 * <p>The vectors are {@link FloatLanes}' (the machine's preferred width), as in the other vector kernels: one
 * process that ran vectors of two widths (this kernel at 256 bits beside Adam's at 512) ran both at half speed. A row
 * of positions is covered by chunks of {@link #LANES} starting at 0, {@link #LANES}, … and, where the positions are
 * not a multiple, at
 * {@code positions − LANES}; that last chunk overlaps the one before it. Every value a chunk writes is a function of its
 * (example, position) alone, so an overlapped position is written twice with the same float; the gain's and bias's sums,
 * which accumulate, keep a slot per chunk and lane and take each position from the first chunk that covers it. Each lane
 * runs the plain loops' float operations in their order (features in order; the gain's and bias's sums over examples,
 * then positions), so the results are the same floats as {@link LayerNormKernel}'s loops.
 */
final class LayerNormVectors {
    private static final VectorSpecies<Float> SPECIES = FloatLanes.SPECIES;
    /** Positions a vector holds (16 with AVX-512, 8 with AVX2). */
    static final int LANES = FloatLanes.LANES;
    private static final ByteOrder ORDER = FloatLanes.ORDER;

    private LayerNormVectors() {
    }

    /** Whether rows of this many positions fill at least one vector (fewer run in the plain loops). */
    static boolean fits(int positions) {
        return positions >= LANES;
    }

    /** The start of the chunk after the one starting at {@code t}; {@code positions} after the last. */
    private static int next(int t, int positions) {
        int n = t + LANES;
        return n >= positions ? positions : Math.min(n, positions - LANES);
    }

    /** How many chunks cover a row of this many positions. */
    static int chunks(int positions) {
        int c = 0;
        for (int t = 0; t < positions; t = next(t, positions)) {
            c++;
        }
        return c;
    }

    /**
     * x̂ = (x − μ) / √(σ² + ε) into {@code xhat} ([batch, features, positions], as x) and 1/√(σ² + ε) into {@code inv}
     * ([batch, positions]).
     */
    static void normalise(ByteBuffer x, int batch, int features, int positions, float eps, float[] xhat, float[] inv) {
        float[] lanes = new float[LANES];
        for (int e = 0; e < batch; e++) {
            int base = e * features * positions;
            for (int t = 0; t < positions; t = next(t, positions)) {
                FloatVector mean = FloatVector.zero(SPECIES);
                for (int j = 0, at = base + t; j < features; j++, at += positions) {
                    mean = mean.add(FloatVector.fromByteBuffer(SPECIES, x, at * Float.BYTES, ORDER));
                }
                mean = mean.div(features);
                FloatVector second = FloatVector.zero(SPECIES);
                for (int j = 0, at = base + t; j < features; j++, at += positions) {
                    FloatVector c = FloatVector.fromByteBuffer(SPECIES, x, at * Float.BYTES, ORDER).sub(mean);
                    c.intoArray(xhat, at);
                    second = second.add(c.mul(c));
                }
                second.intoArray(lanes, 0);
                int r = e * positions + t;
                for (int k = 0; k < LANES; k++) {
                    inv[r + k] = (float) (1.0 / Math.sqrt(lanes[k] / features + eps));
                }
                FloatVector scale = FloatVector.fromArray(SPECIES, inv, r);
                for (int j = 0, at = base + t; j < features; j++, at += positions) {
                    FloatVector.fromArray(SPECIES, xhat, at).mul(scale).intoArray(xhat, at);
                }
            }
        }
    }

    /** y = g ⊙ x̂ + b (g and b per feature) into y's buffer. */
    static void scale(float[] xhat, int batch, int features, int positions, float[] gain, float[] bias, ByteBuffer y) {
        for (int e = 0; e < batch; e++) {
            for (int j = 0; j < features; j++) {
                float g = gain[j];
                float c = bias[j];
                int row = (e * features + j) * positions;
                for (int t = 0; t < positions; t = next(t, positions)) {
                    FloatVector.fromArray(SPECIES, xhat, row + t).mul(g).add(c)
                            .intoByteBuffer(y, (row + t) * Float.BYTES, ORDER);
                }
            }
        }
    }

    /**
     * dx = (dx̂ − mean(dx̂) − x̂ · mean(dx̂ ⊙ x̂)) / √(σ² + ε), dx̂ = g ⊙ dy, into dx's buffer; the gain's and bias's
     * gradients (Σ dy ⊙ x̂ and Σ dy over examples, then positions) into {@code gainGrad} and {@code biasGrad}.
     * {@code gainRows} and {@code biasRows} are scratch of at least features × {@link #chunks} × {@link #LANES}.
     */
    static void backward(ByteBuffer dy, float[] xhat, float[] inv, int batch, int features, int positions, float[] gain,
            float[] gainRows, float[] biasRows, float[] gainGrad, float[] biasGrad, ByteBuffer dx) {
        int chunks = chunks(positions);
        int slots = features * chunks * LANES;
        java.util.Arrays.fill(gainRows, 0, slots, 0f);
        java.util.Arrays.fill(biasRows, 0, slots, 0f);
        for (int e = 0; e < batch; e++) {
            int base = e * features * positions;
            for (int t = 0, c = 0; t < positions; t = next(t, positions), c++) {
                FloatVector mean = FloatVector.zero(SPECIES);
                FloatVector second = FloatVector.zero(SPECIES);
                int slot = c * LANES;
                for (int j = 0, at = base + t; j < features; j++, at += positions, slot += chunks * LANES) {
                    FloatVector d = FloatVector.fromByteBuffer(SPECIES, dy, at * Float.BYTES, ORDER);
                    FloatVector xh = FloatVector.fromArray(SPECIES, xhat, at);
                    FloatVector.fromArray(SPECIES, gainRows, slot).add(d.mul(xh)).intoArray(gainRows, slot);
                    FloatVector.fromArray(SPECIES, biasRows, slot).add(d).intoArray(biasRows, slot);
                    FloatVector dxh = d.mul(gain[j]);
                    mean = mean.add(dxh);
                    second = second.add(dxh.mul(xh));
                }
                mean = mean.div(features);
                second = second.div(features);
                FloatVector scale = FloatVector.fromArray(SPECIES, inv, e * positions + t);
                for (int j = 0, at = base + t; j < features; j++, at += positions) {
                    FloatVector dxh = FloatVector.fromByteBuffer(SPECIES, dy, at * Float.BYTES, ORDER).mul(gain[j]);
                    FloatVector xh = FloatVector.fromArray(SPECIES, xhat, at);
                    dxh.sub(mean).sub(xh.mul(second)).mul(scale).intoByteBuffer(dx, at * Float.BYTES, ORDER);
                }
            }
        }
        for (int j = 0; j < features; j++) { // over the positions in order, each from the first chunk covering it
            float gg = 0;
            float bg = 0;
            int covered = 0;
            for (int t = 0, c = 0; t < positions; t = next(t, positions), c++) {
                int slot = (j * chunks + c) * LANES;
                for (int k = covered - t; k < LANES; k++) {
                    gg += gainRows[slot + k];
                    bg += biasRows[slot + k];
                }
                covered = t + LANES;
            }
            gainGrad[j] = gg;
            biasGrad[j] = bg;
        }
    }
}
