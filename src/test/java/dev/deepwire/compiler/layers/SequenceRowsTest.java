package dev.deepwire.compiler.layers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A product written straight into DL4J's [b, n, T] layout ({@link SequenceRows#productInto}) gives the floats of the
 * one [b·T, n] product it replaces, copied into that layout — within float rounding ({@link FloatRounding}: bit for bit
 * on SkylakeX and Prescott kernels, the last bits of some values on Haswell's) — for the samples' shapes (marker's 24
 * positions, word-language's 16, digits-caption's 8 and 6) and both ways of giving the weights.
 */
class SequenceRowsTest {

    @ParameterizedTest
    @CsvSource({"64, 24, 64, 64", "64, 24, 128, 64", "64, 24, 64, 128", "128, 16, 192, 64", "128, 16, 128, 64",
        "64, 8, 64, 64", "64, 6, 64, 64", "3, 5, 7, 2"})
    void theProductInTheLayoutIsTheOneProductsFloats(int b, int t, int k, int n) {
        Nd4j.getRandom().setSeed(b * 1000L + t * 10L + k);
        INDArray rows = Nd4j.rand(DataType.FLOAT, (long) b * t, k).subi(0.5);
        INDArray w = Nd4j.rand(DataType.FLOAT, k, n).subi(0.5);
        INDArray wt = w.transpose().dup('c');

        // each value's absolute terms, summed: how far two orders of its sum may lie apart (FloatRounding)
        double[] magnitude = inLayout(Transforms.abs(rows.castTo(DataType.DOUBLE)).mmul(Transforms.abs(w.castTo(DataType.DOUBLE))), b, t)
                .data().asDouble();

        INDArray want = inLayout(MatrixProducts.mul(rows, w), b, t);
        INDArray wantT = inLayout(MatrixProducts.mulT(rows, wt), b, t);
        for (boolean whole : new boolean[] {false, true}) { // one product per example, and one whole product (BlasKernels)
            boolean was = BlasKernels.wholeSequenceProducts(whole);
            try {
                String way = whole ? "one whole product, " : "one product per example, ";
                INDArray got = SequenceRows.productInto(rows, w, false, Nd4j.create(DataType.FLOAT, b, n, t));
                FloatRounding.assertSameProduct(got.data().asFloat(), want.data().asFloat(), magnitude, k,
                        way + "w given as [k, n]");
                INDArray gotT = SequenceRows.productInto(rows, wt, true, Nd4j.create(DataType.FLOAT, b, n, t));
                FloatRounding.assertSameProduct(gotT.data().asFloat(), wantT.data().asFloat(), magnitude, k,
                        way + "w given as [n, k]");
                // inside a larger array, its rows further apart (attention's adjacent projections)
                INDArray wide = Nd4j.rand(DataType.FLOAT, k, 3L * n).subi(0.5);
                wide.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                        org.nd4j.linalg.indexing.NDArrayIndex.interval(n, 2L * n)).assign(w);
                INDArray gotBlock = SequenceRows.productInto(rows, new StridedGemm.Block(wide, n, 3 * n),
                        Nd4j.create(DataType.FLOAT, b, n, t));
                FloatRounding.assertSameProduct(gotBlock.data().asFloat(), want.data().asFloat(), magnitude, k,
                        way + "w a block of a wider array");
            } finally {
                BlasKernels.wholeSequenceProducts(was);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theHaswellKernelsTakeTheWholeProduct() {
        boolean was = BlasKernels.wholeSequenceProducts();
        try {
            BlasKernels.use("Haswell");
            assertThat(BlasKernels.wholeSequenceProducts()).as("Haswell").isTrue();
            BlasKernels.use("ZEN");
            assertThat(BlasKernels.wholeSequenceProducts()).as("Zen").isTrue();
            BlasKernels.use("SkylakeX");
            assertThat(BlasKernels.wholeSequenceProducts()).as("SkylakeX").isFalse();
            BlasKernels.use(null);
            assertThat(BlasKernels.wholeSequenceProducts()).as("OpenBLAS's own choice").isFalse();
        } finally {
            BlasKernels.wholeSequenceProducts(was);
        }
    }

    @ParameterizedTest
    @CsvSource({"4, 6, 5, 3"})
    void aViewOrDoublesGiveTheSameValues(int b, int t, int k, int n) {
        INDArray rows = Nd4j.rand(DataType.DOUBLE, (long) b * t, k);
        INDArray w = Nd4j.rand(DataType.DOUBLE, k, n);
        INDArray want = inLayout(rows.mmul(w), b, t);
        assertThat(SequenceRows.productInto(rows, w, false, Nd4j.create(DataType.DOUBLE, b, n, t))
                .equalsWithEps(want, 1e-12)).as("in double").isTrue();
        INDArray view = Nd4j.create(DataType.DOUBLE, b, t, n).permute(0, 2, 1); // not plain: the product, then a copy
        assertThat(SequenceRows.productInto(rows, w, false, view).equalsWithEps(want, 1e-12)).as("into a view").isTrue();
    }

    private static INDArray inLayout(INDArray product, int b, int t) {
        return product.reshape('c', b, t, product.size(1)).permute(0, 2, 1).dup('c');
    }
}
