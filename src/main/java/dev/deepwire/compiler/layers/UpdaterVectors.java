package dev.deepwire.compiler.layers;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The host optimizers' steps ({@link HostAdaGrad}, {@link HostAdam}) in explicit vector instructions, in place in the
 * gradient's and state's native buffers: no copy into Java arrays and back (Adagrad's copies and loop were 10 % of
 * wordnet-links-mlp-1n's step; libnd4j's Adam op on an embedding table's block 1.5 ms of wordnet-links-sampled's 3.3;
 * ADR 0011, decision 16). Loaded only where {@link VectorKernels#ON}. Each formula in the same float operations as the
 * plain loop or libnd4j's op, a lane at a time ({@code HostUpdaterTest} holds them to DL4J's ops).
 */
final class UpdaterVectors {
    private static final VectorSpecies<Float> SPECIES = FloatLanes.SPECIES;
    private static final int LANES = FloatLanes.LANES;
    private static final ByteOrder ORDER = FloatLanes.ORDER;

    private UpdaterVectors() {
    }

    /** Adagrad, in place, for n values: {@code h += g²; g = lr·g / (√h + ε)}. */
    static void adaGrad(ByteBuffer g, ByteBuffer h, int n, float lr, float eps) {
        int vectorsEnd = (n / LANES) * LANES * Float.BYTES;
        int step = LANES * Float.BYTES;
        for (int j = 0; j < vectorsEnd; j += step) {
            FloatVector gi = FloatVector.fromByteBuffer(SPECIES, g, j, ORDER);
            FloatVector hi = FloatVector.fromByteBuffer(SPECIES, h, j, ORDER).add(gi.mul(gi));
            hi.intoByteBuffer(h, j, ORDER);
            gi.mul(lr).div(hi.lanewise(VectorOperators.SQRT).add(eps)).intoByteBuffer(g, j, ORDER);
        }
        for (int j = vectorsEnd; j < n * Float.BYTES; j += Float.BYTES) {
            float gi = g.getFloat(j);
            float hi = h.getFloat(j) + gi * gi;
            h.putFloat(j, hi);
            g.putFloat(j, lr * gi / ((float) Math.sqrt(hi) + eps));
        }
    }

    /**
     * Adam, in place, for n values, as libnd4j's {@code adam_updater}: {@code m = β₁m + (1 − β₁)g},
     * {@code v = β₂v + (1 − β₂)g²}, {@code g = m·α / (√v + ε)} with the step's {@code α = lr·√(1 − β₂ᵗ) / (1 − β₁ᵗ)}.
     */
    static void adam(ByteBuffer g, ByteBuffer m, ByteBuffer v, int n, float beta1, float beta2, float alpha, float eps) {
        float oneLessBeta1 = 1 - beta1;
        float oneLessBeta2 = 1 - beta2;
        int vectorsEnd = (n / LANES) * LANES * Float.BYTES;
        int step = LANES * Float.BYTES;
        for (int j = 0; j < vectorsEnd; j += step) {
            FloatVector gi = FloatVector.fromByteBuffer(SPECIES, g, j, ORDER);
            FloatVector vi = FloatVector.fromByteBuffer(SPECIES, v, j, ORDER).mul(beta2).add(gi.mul(gi).mul(oneLessBeta2));
            FloatVector mi = FloatVector.fromByteBuffer(SPECIES, m, j, ORDER).mul(beta1).add(gi.mul(oneLessBeta1));
            vi.intoByteBuffer(v, j, ORDER);
            mi.intoByteBuffer(m, j, ORDER);
            mi.mul(alpha).div(vi.lanewise(VectorOperators.SQRT).add(eps)).intoByteBuffer(g, j, ORDER);
        }
        for (int j = vectorsEnd; j < n * Float.BYTES; j += Float.BYTES) {
            float gi = g.getFloat(j);
            float vi = beta2 * v.getFloat(j) + gi * gi * oneLessBeta2;
            float mi = beta1 * m.getFloat(j) + gi * oneLessBeta1;
            v.putFloat(j, vi);
            m.putFloat(j, mi);
            g.putFloat(j, mi * alpha / ((float) Math.sqrt(vi) + eps));
        }
    }
}
