package dev.deepwire.compiler.layers;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Values of CPU-backend float arrays copied into and out of Java arrays, for the hand-written layers whose
 * element-wise work runs as plain Java loops: one pass over the data instead of one ND4J op (with its own
 * dispatch, shape buffers and result array) per term of a formula (ADR 0011). Other data types (the gradient
 * checks run in double) and other backends keep the layers' ND4J path, which the loops are tested against.
 */
final class HostArrays {
    /** Off with {@code -Ddeepwire.hostKernels=false} (the layers then use ND4J ops, to compare). */
    private static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("deepwire.hostKernels", "true"))
            && Nd4j.getBackend().getClass().getSimpleName().startsWith("Cpu");

    private HostArrays() {
    }

    /** Whether this array's values are worked on here, in this process. */
    static boolean direct(INDArray x) {
        return ENABLED && x.dataType() == DataType.FLOAT && x.length() <= Integer.MAX_VALUE / 2;
    }

    /** x's values in row-major order, in {@code reuse} when it is long enough (else in a new array). */
    static float[] read(INDArray x, float[] reuse) {
        INDArray plain = isPlain(x) ? x : x.dup('c');
        int n = (int) plain.length();
        float[] out = grow(reuse, n);
        pointer(plain).get(out, 0, n);
        return out;
    }

    /**
     * x's values in row-major order as doubles: float arrays here read where they lie (no ND4J copy operation; ids and
     * labels a step), others copied out by ND4J.
     */
    static double[] doubles(INDArray x) {
        if (!direct(x)) {
            return x.dup('c').data().asDouble();
        }
        float[] f = read(x, null);
        double[] d = new double[(int) x.length()];
        for (int i = 0; i < d.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** {@code a} when it holds at least n values, else a new array of n (the kernels keep their scratch between steps). */
    static float[] grow(float[] a, int n) {
        return a != null && a.length >= n ? a : new float[n];
    }

    /** As {@link #grow(float[], int)}, for ints. */
    static int[] grow(int[] a, int n) {
        return a != null && a.length >= n ? a : new int[n];
    }

    /** {@code a} when it holds at least {@code count} arrays of at least n values, else a new [count][n]. */
    static float[][] grow(float[][] a, int count, int n) {
        return a != null && a.length >= count && (count == 0 || a[0].length >= n) ? a : new float[count][n];
    }

    /** Writes the first {@code out.length()} values (row-major) into {@code out}; returns {@code out}. */
    static INDArray write(float[] values, INDArray out) {
        if (values.length < out.length()) {
            throw new IllegalArgumentException("write: " + values.length + " values into an array of " + out.length());
        }
        if (!isPlain(out)) {
            INDArray plain = Nd4j.createUninitialized(out.dataType(), out.shape(), 'c');
            pointer(plain).put(values, 0, (int) out.length());
            return out.assign(plain);
        }
        pointer(out).put(values, 0, (int) out.length());
        return out;
    }

    /** Values {@code [from, from + count)} of the plain array x (row-major) into {@code into[0, count)}. */
    static void readRange(INDArray x, long from, float[] into, int count) {
        requirePlain(x, "readRange");
        pointer(x).position(from).get(into, 0, count);
    }

    /**
     * The plain float array x's values as bytes in the machine's order, from its first value, for the vector kernels
     * to read and write in place; x at most {@link Integer#MAX_VALUE} bytes long ({@link #asBytes}).
     */
    static ByteBuffer bytes(INDArray x) {
        requirePlain(x, "bytes");
        if (!asBytes(x)) {
            throw new IllegalArgumentException("bytes: " + x.length() + " values are more than a byte buffer holds");
        }
        return pointer(x).capacity(x.length()).asByteBuffer().order(ByteOrder.nativeOrder());
    }

    /**
     * Whether a vector kernel can read and write these arrays where they lie ({@link #bytes}): float values here, on
     * the host, one after another from their buffers' addresses, each fitting a byte buffer.
     */
    static boolean inPlace(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (!direct(a) || !isPlain(a) || !asBytes(a)) {
                return false;
            }
        }
        return true;
    }

    /** Whether x's values fit one byte buffer (int-indexed): 512 M floats. */
    static boolean asBytes(INDArray x) {
        return x.length() <= Integer.MAX_VALUE / Float.BYTES;
    }

    /** {@code values[0, count)} into values {@code [from, from + count)} of the plain array x (row-major). */
    static void writeRange(float[] values, INDArray x, long from, int count) {
        requirePlain(x, "writeRange");
        pointer(x).position(from).put(values, 0, count);
    }

    /**
     * {@code into[rows[i]] += from[i]} for each row i of the 2-D {@code from} [n, d], into the plain 2-D array
     * {@code into} [V, d]; a row named twice takes both.
     */
    static void addRows(INDArray from, int[] rows, INDArray into) {
        requirePlain(into, "addRows");
        int d = (int) into.size(1);
        if (from.size(0) != rows.length || from.size(1) != d) {
            throw new IllegalArgumentException("addRows: " + java.util.Arrays.toString(from.shape()) + " for " + rows.length
                    + " rows of " + d);
        }
        float[] values = read(from, null);
        float[] row = new float[d];
        FloatPointer p = pointer(into);
        for (int i = 0; i < rows.length; i++) {
            long at = (long) rows[i] * d;
            p.position(at).get(row, 0, d);
            for (int j = 0; j < d; j++) {
                row[j] += values[i * d + j];
            }
            p.position(at).put(row, 0, d);
        }
    }

    private static void requirePlain(INDArray x, String what) {
        if (!isPlain(x)) {
            throw new IllegalArgumentException(what + ": not a plain array " + java.util.Arrays.toString(x.shape()));
        }
    }

    /** Row i of the plain 2-D array x into {@code into[i]} (each at least a row long), one copy per row. */
    static void readRows(INDArray x, float[][] into) {
        INDArray plain = isPlain(x) ? x : x.dup('c');
        int rows = (int) plain.size(0);
        int n = (int) plain.size(1);
        FloatPointer p = pointer(plain);
        for (int i = 0; i < rows; i++) {
            p.position((long) i * n).get(into[i], 0, n);
        }
    }

    /** {@code from[i]} into row i of the plain 2-D array x (a row's worth of each). */
    static void writeRows(float[][] from, INDArray x) {
        requirePlain(x, "writeRows");
        int rows = (int) x.size(0);
        int n = (int) x.size(1);
        FloatPointer p = pointer(x);
        for (int i = 0; i < rows; i++) {
            p.position((long) i * n).put(from[i], 0, n);
        }
    }

    /**
     * The first value of x, where x's values lie one after another in its buffer. A view's buffer (ND4J 1.0.0-M2.1)
     * is a buffer of its own whose address already points at the view's first value ({@code HostUpdaterTest}).
     */
    private static FloatPointer pointer(INDArray x) {
        return new FloatPointer(x.data().addressPointer());
    }

    /** Whether x's values lie one after another from its buffer's address ({@link StridedGemm#plain}). */
    static boolean isPlain(INDArray x) {
        return StridedGemm.plain(x);
    }
}
