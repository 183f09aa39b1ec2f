package dev.deepwire.compiler.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Matrix products for the hand-written layers through ND4J's {@code matmul} op, with transposes passed to
 * BLAS as flags. {@code INDArray.mmul} on a transposed view copies the view and computes into a column-major
 * result that is copied back; on this project's machine that made a [1536 × 64] · [64 × 64] product 4× slower.
 * Batched products (attention's per-head matrices) go through {@link BatchedGemm}.
 */
final class MatrixProducts {
    private MatrixProducts() {
    }

    /** a · b. */
    static INDArray mul(INDArray a, INDArray b) {
        return BatchedGemm.matmul(a, b, false, false);
    }

    /** a · bᵀ. */
    static INDArray mulT(INDArray a, INDArray b) {
        return BatchedGemm.matmul(a, b, false, true);
    }

    /** aᵀ · b. */
    static INDArray tMul(INDArray a, INDArray b) {
        return BatchedGemm.matmul(a, b, true, false);
    }
}
