package dev.deepwire.compiler.layers;

import java.util.Arrays;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batched matrix products ({@code [..., m, k] · [..., k, n]}) for the attention layers, one OpenBLAS
 * {@code cblas_?gemm} call per matrix on the CPU backend.
 *
 * <p>ND4J's own batched {@code matmul} has a fixed cost per matrix whatever its size, which dominates the small
 * matrices of attention; calling the BLAS ND4J itself uses (the same loaded library, the same thread setting)
 * directly is about ten times cheaper (ADR 0008 has the measurements). Other backends (CUDA), other
 * data types, or operands that are not plain row-major arrays of the same batch shape go through ND4J's
 * {@code matmul}, which gives the same numbers.
 */
final class BatchedGemm {
    /** Off with {@code -Ddeepwire.directGemm=false} (to compare with ND4J's batched matmul). */
    private static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("deepwire.directGemm", "true"))
            && Nd4j.getBackend().getClass().getSimpleName().startsWith("Cpu");

    private BatchedGemm() {
    }

    /** Whether products go to BLAS directly in this process. */
    static boolean direct() {
        return ENABLED;
    }

    /** {@code op(a) · op(b)} over the leading (batch) dimensions, op being a transpose where asked. */
    static INDArray matmul(INDArray a, INDArray b, boolean transposeA, boolean transposeB) {
        if (!ENABLED || !applicable(a, b)) {
            return Nd4j.matmul(a, b, transposeA, transposeB, false);
        }
        int r = a.rank();
        long aRows = a.size(r - 2), aCols = a.size(r - 1), bRows = b.size(r - 2), bCols = b.size(r - 1);
        long m = transposeA ? aCols : aRows, k = transposeA ? aRows : aCols;
        long kb = transposeB ? bCols : bRows, n = transposeB ? bRows : bCols;
        if (k != kb) {
            throw new IllegalArgumentException("matmul: inner sizes differ, " + Arrays.toString(a.shape()) + " · "
                    + Arrays.toString(b.shape()) + " (transposes " + transposeA + ", " + transposeB + ")");
        }
        long[] shape = a.shape().clone();
        shape[r - 2] = m;
        shape[r - 1] = n;
        INDArray c = Nd4j.createUninitialized(a.dataType(), shape, 'c');
        if (c.length() == 0) {
            return c;
        }
        if (k == 0) {
            return c.assign(0);
        }
        gemm(plain(a), plain(b), c, c.length() / (m * n), (int) m, (int) n, (int) k, transposeA, transposeB);
        return c;
    }

    /** Plain row-major arrays of the same rank (2 or more) and batch shape, float or double. */
    static boolean applicable(INDArray a, INDArray b) {
        int r = a.rank();
        if (r < 2 || b.rank() != r || a.dataType() != b.dataType()
                || (a.dataType() != DataType.FLOAT && a.dataType() != DataType.DOUBLE)) {
            return false;
        }
        for (int i = 0; i < r - 2; i++) {
            if (a.size(i) != b.size(i)) {
                return false;
            }
        }
        return a.length() <= Integer.MAX_VALUE && b.length() <= Integer.MAX_VALUE;
    }

    /** x itself when its values can be used where they lie ({@link StridedGemm#plain}), else a row-major copy. */
    private static INDArray plain(INDArray x) {
        return StridedGemm.plain(x) ? x : x.dup('c');
    }

    /**
     * c = op(a) · op(b) for 2-D float arrays, c written where it lies (a parameter's gradient view, say); false, with
     * nothing written, where BLAS cannot be called on them directly (the caller then uses ND4J).
     */
    static boolean into(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB) {
        if (!ENABLED || a.rank() != 2 || !applicable(a, b) || c.rank() != 2 || c.dataType() != DataType.FLOAT
                || a.dataType() != DataType.FLOAT || !StridedGemm.plain(c)) {
            return false;
        }
        long m = transposeA ? a.size(1) : a.size(0), k = transposeA ? a.size(0) : a.size(1);
        long kb = transposeB ? b.size(1) : b.size(0), n = transposeB ? b.size(0) : b.size(1);
        if (k != kb || c.size(0) != m || c.size(1) != n) {
            throw new IllegalArgumentException("gemm into " + Arrays.toString(c.shape()) + ": " + Arrays.toString(a.shape())
                    + " · " + Arrays.toString(b.shape()) + " (transposes " + transposeA + ", " + transposeB + ")");
        }
        gemm(plain(a), plain(b), c, 1, (int) m, (int) n, (int) k, transposeA, transposeB);
        return true;
    }

    /** c = op(a) · op(b) for each of the batch's matrices (c's old values are not read). */
    private static void gemm(INDArray a, INDArray b, INDArray c, long batch, int m, int n, int k, boolean ta, boolean tb) {
        int lda = (int) a.size(a.rank() - 1), ldb = (int) b.size(b.rank() - 1);
        long aStep = a.size(a.rank() - 2) * (long) lda, bStep = b.size(b.rank() - 2) * (long) ldb, cStep = (long) m * n;
        long a0 = 0, b0 = 0; // each buffer starts at its array's first value (StridedGemm.plain)
        Pointer pa = a.data().addressPointer(), pb = b.data().addressPointer(), pc = c.data().addressPointer();
        if (a.dataType() == DataType.FLOAT) {
            FloatPointer fa = new FloatPointer(pa), fb = new FloatPointer(pb), fc = new FloatPointer(pc);
            for (long i = 0; i < batch; i++) {
                fa.position(a0 + i * aStep);
                fb.position(b0 + i * bStep);
                fc.position(i * cStep);
                SplitGemm.sgemm(ta, tb, m, n, k, 1f, fa, lda, fb, ldb, 0f, fc, n);
            }
        } else {
            DoublePointer da = new DoublePointer(pa), db = new DoublePointer(pb), dc = new DoublePointer(pc);
            for (long i = 0; i < batch; i++) {
                da.position(a0 + i * aStep);
                db.position(b0 + i * bStep);
                dc.position(i * cStep);
                SplitGemm.dgemm(ta, tb, m, n, k, 1d, da, lda, db, ldb, 0d, dc, n);
            }
        }
    }
}
