package dev.deepwire.compiler.layers;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sum over examples of a [b, …] float array, in explicit vector instructions on the native buffers (a learned
 * positional table's gradient: ND4J's reduction with its result array and a copy into the gradient was 1.6 % of
 * marker's step; ADR 0011, decision 24). Examples are added in order, as ND4J's reduction adds them, so the floats are
 * the same. Loaded only where {@link VectorKernels#ON}; {@link FloatLanes}' width, as every vector kernel.
 */
final class BatchSumVectors {
    private static final VectorSpecies<Float> SPECIES = FloatLanes.SPECIES;
    private static final int LANES = FloatLanes.LANES;
    private static final ByteOrder ORDER = FloatLanes.ORDER;

    private BatchSumVectors() {
    }

    /** {@code out[i] = Σ_e x[e · m + i]} for i below m, e below b, the examples in order. */
    static void sum(ByteBuffer x, int b, int m, ByteBuffer out) {
        int vectorsEnd = m / LANES * LANES;
        int i = 0;
        for (; i < vectorsEnd; i += LANES) {
            FloatVector acc = FloatVector.zero(SPECIES);
            for (int e = 0, at = i * Float.BYTES; e < b; e++, at += m * Float.BYTES) {
                acc = acc.add(FloatVector.fromByteBuffer(SPECIES, x, at, ORDER));
            }
            acc.intoByteBuffer(out, i * Float.BYTES, ORDER);
        }
        for (; i < m; i++) {
            float acc = 0;
            for (int e = 0; e < b; e++) {
                acc += x.getFloat((e * m + i) * Float.BYTES);
            }
            out.putFloat(i * Float.BYTES, acc);
        }
    }
}
