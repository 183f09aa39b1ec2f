package dev.deepwire.compiler.layers;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A table's rows looked up and its gradient added row by row, in explicit vector instructions on the arrays' native
 * buffers ({@link Lookup}; ADR 0011, decision 23). Loaded only where {@link VectorKernels#ON}; {@link FloatLanes}'
 * width, as every vector kernel. A row's tail shorter than a vector is done value by value.
 */
final class LookupVectors {
    private static final VectorSpecies<Float> SPECIES = FloatLanes.SPECIES;
    private static final int LANES = FloatLanes.LANES;
    private static final ByteOrder ORDER = FloatLanes.ORDER;

    private LookupVectors() {
    }

    /** {@code out[i] = table[ids[i]]}, rows of d values. */
    static void rows(ByteBuffer table, int[] ids, int d, ByteBuffer out) {
        rows(table, ids, d, out, 0, d);
    }

    /**
     * {@code out[i] = table[ids[i]]}, rows of d values, out's i-th row starting at value {@code outFrom + i · outStride}
     * (a row's columns [outFrom, outFrom + d) of a wider matrix).
     */
    static void rows(ByteBuffer table, int[] ids, int d, ByteBuffer out, int outFrom, int outStride) {
        int vectorsEnd = d / LANES * LANES;
        for (int i = 0; i < ids.length; i++) {
            int from = ids[i] * d * Float.BYTES;
            int to = (outFrom + i * outStride) * Float.BYTES;
            int j = 0;
            for (; j < vectorsEnd; j += LANES) {
                FloatVector.fromByteBuffer(SPECIES, table, from + j * Float.BYTES, ORDER)
                        .intoByteBuffer(out, to + j * Float.BYTES, ORDER);
            }
            for (; j < d; j++) {
                out.putFloat(to + j * Float.BYTES, table.getFloat(from + j * Float.BYTES));
            }
        }
    }

    /** {@code grad[ids[i]] += dy[i]} for i in order, rows of d values (grad keeps what it held). */
    static void addRows(ByteBuffer dy, int[] ids, int d, ByteBuffer grad) {
        int vectorsEnd = d / LANES * LANES;
        for (int i = 0; i < ids.length; i++) {
            int from = i * d * Float.BYTES;
            int to = ids[i] * d * Float.BYTES;
            int j = 0;
            for (; j < vectorsEnd; j += LANES) {
                int at = to + j * Float.BYTES;
                FloatVector.fromByteBuffer(SPECIES, grad, at, ORDER)
                        .add(FloatVector.fromByteBuffer(SPECIES, dy, from + j * Float.BYTES, ORDER))
                        .intoByteBuffer(grad, at, ORDER);
            }
            for (; j < d; j++) {
                int at = to + j * Float.BYTES;
                grad.putFloat(at, grad.getFloat(at) + dy.getFloat(from + j * Float.BYTES));
            }
        }
    }

    /**
     * {@code grad[ids[i]] += dy[i] + (e[i] ⊙ |e[i]|) · s} for i in order, rows of d values: a lookup's gradient with the
     * N3 term of the rows it looked up ({@code e}), as the separate array operations compute it (the product, then the
     * scale, then the sum, each rounded to a float). dy's i-th row starts at value {@code dyFrom + i · dyStride}, e's at
     * {@code eFrom + i · eStride}.
     */
    static void addRowsWithCube(ByteBuffer dy, int dyFrom, int dyStride, ByteBuffer e, int eFrom, int eStride, float s,
                                int[] ids, int d, ByteBuffer grad) {
        int vectorsEnd = d / LANES * LANES;
        for (int i = 0; i < ids.length; i++) {
            int dyAt = (dyFrom + i * dyStride) * Float.BYTES;
            int eAt = (eFrom + i * eStride) * Float.BYTES;
            int to = ids[i] * d * Float.BYTES;
            int j = 0;
            for (; j < vectorsEnd; j += LANES) {
                int at = to + j * Float.BYTES;
                FloatVector ev = FloatVector.fromByteBuffer(SPECIES, e, eAt + j * Float.BYTES, ORDER);
                FloatVector row = FloatVector.fromByteBuffer(SPECIES, dy, dyAt + j * Float.BYTES, ORDER)
                        .add(ev.mul(ev.abs()).mul(s));
                FloatVector.fromByteBuffer(SPECIES, grad, at, ORDER).add(row).intoByteBuffer(grad, at, ORDER);
            }
            for (; j < d; j++) {
                int at = to + j * Float.BYTES;
                float ej = e.getFloat(eAt + j * Float.BYTES);
                float row = dy.getFloat(dyAt + j * Float.BYTES) + ej * Math.abs(ej) * s;
                grad.putFloat(at, grad.getFloat(at) + row);
            }
        }
    }
}
