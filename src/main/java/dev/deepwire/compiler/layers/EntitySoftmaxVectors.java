package dev.deepwire.compiler.layers;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link EntitySoftmaxKernel}'s work in explicit vector instructions, reading the scores and writing the gradient in
 * place in their native buffers: the row's largest score and its sum in one pass, {@code exp(s − m)} and its sum in a
 * second, {@code softmax(s) − y} in a third — where the plain loops take five passes, carry their maximum and sums one
 * value at a time and work on a copy of the scores in a Java array that is copied back (1.4 ms of
 * wordnet-links-distmult's 4.3 ms step at 64 wide; these 0.4 ms; ADR 0011, decision 15). Loaded only where
 * {@link VectorKernels#ON}. The same polynomial for {@code exp}, evaluated with fused multiply-adds; the sums in
 * another order: the figures agree with the plain loops' to float rounding ({@code EntitySoftmaxVectorsTest}).
 */
final class EntitySoftmaxVectors {
    private static final VectorSpecies<Float> SPECIES = FloatLanes.SPECIES;
    private static final int LANES = FloatLanes.LANES;
    private static final ByteOrder ORDER = FloatLanes.ORDER;

    private EntitySoftmaxVectors() {
    }

    /**
     * For rows {@code [first, end)} of the scores {@code s} ({@code n} floats each, row-major, from byte 0): row i's
     * loss into {@code loss[i]} and its score at the true id into {@code atTarget[i]}, for true ids {@code t} and label
     * smoothing {@code eps} (as {@link EntitySoftmaxKernel#lossAndGradient}); and, unless {@code g} is null,
     * {@code softmax(s) − y} into {@code g} (same layout; it may not overlap {@code s}). Each row is worked out on its
     * own, so two threads may each take a range of one batch (their figures are those of one call over all rows, bit
     * for bit).
     */
    static void lossAndGradient(ByteBuffer s, ByteBuffer g, int first, int end, int n, int[] t, double eps,
                                double[] loss, float[] atTarget) {
        float spread = (float) (eps / n);
        int step = LANES * Float.BYTES;
        for (int i = first; i < end; i++) {
            int from = i * n * Float.BYTES;
            int to = from + n * Float.BYTES;
            int vectorsEnd = from + (n / LANES) * step;
            int target = from + t[i] * Float.BYTES;
            atTarget[i] = s.getFloat(target);
            FloatVector mv = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
            FloatVector sv = FloatVector.zero(SPECIES);
            for (int j = from; j < vectorsEnd; j += step) {
                FloatVector v = FloatVector.fromByteBuffer(SPECIES, s, j, ORDER);
                mv = mv.max(v);
                sv = sv.add(v);
            }
            float m = mv.reduceLanes(VectorOperators.MAX);
            float sum = sv.reduceLanes(VectorOperators.ADD);
            for (int j = vectorsEnd; j < to; j += Float.BYTES) {
                float v = s.getFloat(j);
                m = Math.max(m, v);
                sum += v;
            }
            FloatVector zv = FloatVector.zero(SPECIES);
            for (int j = from; j < vectorsEnd; j += step) {
                FloatVector p = exp(FloatVector.fromByteBuffer(SPECIES, s, j, ORDER).sub(m));
                if (g != null) {
                    p.intoByteBuffer(g, j, ORDER);
                }
                zv = zv.add(p);
            }
            float z = zv.reduceLanes(VectorOperators.ADD);
            for (int j = vectorsEnd; j < to; j += Float.BYTES) {
                float p = EntitySoftmaxKernel.expAtMostZero(s.getFloat(j) - m);
                if (g != null) {
                    g.putFloat(j, p);
                }
                z += p;
            }
            double shift = m + Math.log(z);
            loss[i] = -((1.0 - eps) * (atTarget[i] - shift) + eps / n * ((double) sum - n * shift));
            if (g != null) {
                float inv = 1f / z;
                for (int j = from; j < vectorsEnd; j += step) {
                    FloatVector.fromByteBuffer(SPECIES, g, j, ORDER).fma(inv, -spread).intoByteBuffer(g, j, ORDER);
                }
                for (int j = vectorsEnd; j < to; j += Float.BYTES) {
                    g.putFloat(j, g.getFloat(j) * inv - spread);
                }
                g.putFloat(target, g.getFloat(target) - (float) (1.0 - eps));
            }
        }
    }

    /** {@link EntitySoftmaxKernel#expAtMostZero} lane by lane: the same Taylor polynomial of exp(d / 128), squared seven times. */
    private static FloatVector exp(FloatVector d) {
        FloatVector y = d.max(-87f).mul(1f / 128);
        FloatVector p = y.fma(1f / 362880, 1f / 40320);
        p = p.fma(y, FloatVector.broadcast(SPECIES, 1f / 5040));
        p = p.fma(y, FloatVector.broadcast(SPECIES, 1f / 720));
        p = p.fma(y, FloatVector.broadcast(SPECIES, 1f / 120));
        p = p.fma(y, FloatVector.broadcast(SPECIES, 1f / 24));
        p = p.fma(y, FloatVector.broadcast(SPECIES, 1f / 6));
        p = p.fma(y, FloatVector.broadcast(SPECIES, 1f / 2));
        p = p.fma(y, FloatVector.broadcast(SPECIES, 1f));
        p = p.fma(y, FloatVector.broadcast(SPECIES, 1f));
        p = p.mul(p);
        p = p.mul(p);
        p = p.mul(p);
        p = p.mul(p);
        p = p.mul(p);
        p = p.mul(p);
        return p.mul(p);
    }
}
