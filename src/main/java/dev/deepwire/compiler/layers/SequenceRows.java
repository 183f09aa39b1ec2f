package dev.deepwire.compiler.layers;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The two layouts of a sequence in the hand-written layers: DL4J's {@code [b, d, T]} (NCW) between layers, and rows
 * {@code [b·T, d]} (one per position) for the matrix products inside them. One owner for both conversions, and for
 * the products whose result leaves a layer in DL4J's layout ({@link #productInto}: written there by the product
 * itself, no conversion).
 */
final class SequenceRows {
    private SequenceRows() {
    }

    /**
     * [b, d, T] → [b·T, d], a new row-major array in the current workspace. Written as an assignment into an
     * uninitialised array: ND4J's {@code dup} of the permuted view took twice as long for marker's [64, 64, 24].
     */
    static INDArray rows(INDArray x) {
        long b = x.size(0), d = x.size(1), t = x.size(2);
        INDArray out = Nd4j.createUninitialized(x.dataType(), new long[] {b, t, d}, 'c');
        out.assign(x.permute(0, 2, 1));
        return out.reshape('c', b * t, d);
    }

    /**
     * {@code out[b, n, T]} = (rows · w)ᵀ example by example (rows [b·T, k]; w [k, n], or [n, k] used as wᵀ when
     * {@code wTransposed}): one product per example with both operands transposed, so OpenBLAS writes each example's
     * [n, T] block of DL4J's layout itself — instead of one [b·T, n] product and a copy into the layout (marker's
     * attention output: 85–99 µs for the product and 28–43 for the copy, against 77–93 for the 64 small products; ADR
     * 0011, decision 22). The same floats as the one product on OpenBLAS's SkylakeX and Prescott kernels, within float
     * rounding on its Haswell kernels ({@code SequenceRowsTest}; ADR 0011, "On other kernels"); a w given as [n, k] is first
     * copied to [k, n] (a few thousand values): with w untransposed OpenBLAS takes another kernel for rows of 16 positions
     * or fewer, and its sums differ in the last bit. Where the arrays cannot be used in place (another backend, a view),
     * the product and the copy; with OpenBLAS's Haswell kernels, where the per-example products run at half the
     * speed, one whole product and the copy ({@link BlasKernels}; decision 33).
     */
    static INDArray productInto(INDArray rows, INDArray w, boolean wTransposed, INDArray out) {
        long b = out.size(0), n = out.size(1), t = out.size(2);
        int k = (int) rows.size(1);
        if (rows.size(0) != b * t || w.length() != (long) k * n) {
            throw new IllegalArgumentException("productInto: rows " + java.util.Arrays.toString(rows.shape()) + ", w "
                    + java.util.Arrays.toString(w.shape()) + " into " + java.util.Arrays.toString(out.shape()));
        }
        if (!StridedGemm.usable(rows, w, out)) {
            INDArray product = wTransposed ? MatrixProducts.mulT(rows, w.reshape('c', n, k))
                    : MatrixProducts.mul(rows, w.reshape('c', k, n));
            return out.assign(product.reshape('c', b, t, n).permute(0, 2, 1));
        }
        INDArray stored = wTransposed ? w.reshape('c', n, k).transpose().dup('c') : w;
        return productInto(rows, new StridedGemm.Block(stored, 0, (int) n), out);
    }

    /**
     * As {@link #productInto(INDArray, INDArray, boolean, INDArray)}, w [k, n] a matrix inside a larger array
     * (attention's adjacent projections), its rows {@code w.ld()} apart; every array usable in place
     * ({@link StridedGemm#usable}).
     */
    static INDArray productInto(INDArray rows, StridedGemm.Block w, INDArray out) {
        long b = out.size(0), n = out.size(1), t = out.size(2);
        int k = (int) rows.size(1);
        if (BlasKernels.wholeSequenceProducts()) { // one product [b·T, n], then into the layout (decision 33)
            INDArray product = Nd4j.createUninitialized(out.dataType(), new long[] {b * t, n}, 'c');
            StridedGemm.gemm(false, false, (int) (b * t), (int) n, k, 1, new StridedGemm.Block(rows, 0, k), w, 0,
                    new StridedGemm.Block(product, 0, (int) n));
            return out.assign(product.reshape('c', b, t, n).permute(0, 2, 1));
        }
        // C_e [n, T] = wᵀ · rows_eᵀ, both operands transposed
        StridedGemm.heads(true, true, (int) n, (int) t, k, 1, w, 0, 0, new StridedGemm.Block(rows, 0, k), t * k, 0, 0,
                new StridedGemm.Block(out, 0, (int) t), n * t, 0, (int) b, 1);
        return out;
    }

    /** {@link #productInto} a new [b, n, T] array of the given workspace type. */
    static INDArray product(INDArray rows, INDArray w, boolean wTransposed, long b, long t, ArrayType type,
            LayerWorkspaceMgr mgr) {
        long n = w.length() / rows.size(1);
        return productInto(rows, w, wTransposed, mgr.createUninitialized(type, rows.dataType(), new long[] {b, n, t}, 'c'));
    }

    /** [b·T, d] → [b, d, T] in a new array of the given workspace type. */
    static INDArray sequence(INDArray rows, long b, long t, ArrayType type, LayerWorkspaceMgr mgr) {
        INDArray out = mgr.createUninitialized(type, rows.dataType(), new long[] {b, rows.size(1), t}, 'c');
        out.assign(rows.reshape('c', b, t, rows.size(1)).permute(0, 2, 1));
        return out;
    }
}
