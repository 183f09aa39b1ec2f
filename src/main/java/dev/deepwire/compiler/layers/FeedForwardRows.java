package dev.deepwire.compiler.layers;

import dev.deepwire.compiler.layers.StridedGemm.Block;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link FeedForwardImpl}'s backward pass with its products written straight into the gradient views, and the
 * biases' gradients (column sums) as one product with a row of ones, all through OpenBLAS (ADR 0011). ND4J's column
 * sum of a row-major [b·T, h] matrix and the copy of each product into its view cost more than the products.
 */
final class FeedForwardRows {
    private INDArray ones;

    /** Whether these arrays can be read and written in place. */
    static boolean usable(INDArray... arrays) {
        return StridedGemm.usable(arrays);
    }

    /** A [1, n] row of ones of this type, kept between steps outside any workspace. */
    private INDArray ones(INDArray like, int n) {
        if (ones == null || ones.length() != n || ones.dataType() != like.dataType()) {
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                ones = Nd4j.ones(like.dataType(), 1, n);
            }
        }
        return ones;
    }

    /** gW = aᵀ · g and gB = Σ rows of g, for a layer {@code g = a · W + b}; a [n, in], g [n, out]. */
    void weightAndBias(INDArray a, INDArray g, INDArray gW, INDArray gB) {
        weightAndBiasLater(a, g, gW, gB).run();
    }

    /**
     * {@link #weightAndBias} as BLAS calls only, to be run on any thread ({@link SplitGemm#beside}); the row of ones
     * is made here, on the caller's.
     */
    Runnable weightAndBiasLater(INDArray a, INDArray g, INDArray gW, INDArray gB) {
        int n = (int) a.size(0);
        int in = (int) a.size(1);
        int out = (int) g.size(1);
        INDArray ones = ones(g, n);
        return () -> {
            StridedGemm.gemm(true, false, in, out, n, 1, new Block(a, 0, in), new Block(g, 0, out), 0, new Block(gW, 0, out));
            StridedGemm.gemm(false, false, 1, out, n, 1, new Block(ones, 0, n), new Block(g, 0, out), 0,
                    new Block(gB, 0, out));
        };
    }

    /** Multiply-adds of {@link #weightAndBias} for a [n, in] and g [n, out]. */
    static double work(INDArray a, INDArray g) {
        return (double) a.size(0) * (a.size(1) + 1) * g.size(1);
    }
}
