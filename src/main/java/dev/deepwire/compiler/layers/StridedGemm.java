package dev.deepwire.compiler.layers;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Matrix products on sub-matrices of row-major arrays, straight to OpenBLAS ({@code cblas_?gemm} with a row
 * stride, ADR 0011): an attention head's queries are a [T × hs] block of the [b·T, 3·heads·hs] projection, read in
 * place instead of being copied out into a [b, heads, T, hs] array first. Used where {@link BatchedGemm#direct()}
 * holds (the CPU backend); every operand is a float or double array with row-major default strides.
 */
final class StridedGemm {
    private StridedGemm() {
    }

    /** A matrix inside {@code array}: its first element at {@code offset}, rows {@code ld} elements apart. */
    record Block(INDArray array, long offset, int ld) {
    }

    /** Whether these arrays can be read and written in place here. */
    static boolean usable(INDArray... arrays) {
        DataType type = arrays[0].dataType();
        for (INDArray x : arrays) {
            if (x.dataType() != type || (type != DataType.FLOAT && type != DataType.DOUBLE) || !plain(x)) {
                return false;
            }
        }
        return BatchedGemm.direct();
    }

    /**
     * Whether x's values can be used where they lie, the first at its buffer's address: row-major and gapless, and a
     * view's buffer (ND4J 1.0.0-M2.1) one of its own that starts at the view's first value. The one test for
     * {@code BatchedGemm}, {@code HostArrays} and this class (ND4J's {@code Shape.hasDefaultStridesForShape} says no
     * to a new [b, d, 1] array).
     */
    static boolean plain(INDArray x) {
        return contiguous(x) && x.offset() == x.data().offset() && x.length() <= x.data().length();
    }

    /** Row-major and gapless (a dimension of size 1 may have any stride: ND4J gives a [1, n] row the stride n). */
    static boolean contiguous(INDArray x) {
        long[] shape = x.shape();
        long[] stride = x.stride();
        long expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && stride[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return true;
    }

    /** {@code c = alpha · op(a) · op(b) + beta · c} for one [m × n] block. */
    static void gemm(boolean ta, boolean tb, int m, int n, int k, double alpha, Block a, Block b, double beta, Block c) {
        heads(ta, tb, m, n, k, alpha, a, 0, 0, b, 0, 0, beta, c, 0, 0, 1, 1);
    }

    /**
     * One product per (example, head): operand x's block for example e and head h starts at
     * {@code x.offset + e · xE + h · xH}.
     */
    static void heads(boolean ta, boolean tb, int m, int n, int k, double alpha,
                      Block a, long aE, long aH, Block b, long bE, long bH, double beta, Block c, long cE, long cH,
                      int examples, int heads) {
        Pointer pa = a.array().data().addressPointer();
        Pointer pb = b.array().data().addressPointer();
        Pointer pc = c.array().data().addressPointer();
        if (c.array().dataType() == DataType.FLOAT) {
            FloatPointer fa = new FloatPointer(pa), fb = new FloatPointer(pb), fc = new FloatPointer(pc);
            for (int e = 0; e < examples; e++) {
                for (int h = 0; h < heads; h++) {
                    fa.position(a.offset() + e * aE + h * aH);
                    fb.position(b.offset() + e * bE + h * bH);
                    fc.position(c.offset() + e * cE + h * cH);
                    SplitGemm.sgemm(ta, tb, m, n, k, (float) alpha, fa, a.ld(), fb, b.ld(), (float) beta, fc, c.ld());
                }
            }
        } else {
            DoublePointer da = new DoublePointer(pa), db = new DoublePointer(pb), dc = new DoublePointer(pc);
            for (int e = 0; e < examples; e++) {
                for (int h = 0; h < heads; h++) {
                    da.position(a.offset() + e * aE + h * aH);
                    db.position(b.offset() + e * bE + h * bH);
                    dc.position(c.offset() + e * cE + h * cH);
                    SplitGemm.dgemm(ta, tb, m, n, k, alpha, da, a.ld(), db, b.ld(), beta, dc, c.ld());
                }
            }
        }
    }
}
