package dev.deepwire.compiler.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The attention layers' batched products against plain loops, for every transpose and awkward operand. */
class BatchedGemmTest {

    @Test
    void usesBlasDirectlyOnTheCpuBackend() {
        assumeTrue(cpu(), "BLAS is called directly on the CPU only");
        assertThat(BatchedGemm.direct()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"FLOAT,false,false", "FLOAT,false,true", "FLOAT,true,false", "FLOAT,true,true",
            "DOUBLE,false,false", "DOUBLE,false,true", "DOUBLE,true,false", "DOUBLE,true,true"})
    void rankFourProductsMatchPlainLoops(DataType type, boolean ta, boolean tb) {
        int m = 3, k = 5, n = 4;
        INDArray a = Nd4j.rand(type, 2, 3, ta ? k : m, ta ? m : k).subi(0.5);
        INDArray b = Nd4j.rand(type, 2, 3, tb ? n : k, tb ? k : n).subi(0.5);
        assertClose(BatchedGemm.matmul(a, b, ta, tb), loops(a, b, ta, tb), type == DataType.FLOAT ? 1e-5 : 1e-12);
    }

    @Test
    void viewsPermutationsAndOffsetsGiveTheSameNumbers() {
        INDArray big = Nd4j.rand(DataType.DOUBLE, 5, 4, 6);
        INDArray sliced = big.get(NDArrayIndex.interval(2, 4), NDArrayIndex.all(), NDArrayIndex.all()); // offset > 0
        INDArray permuted = Nd4j.rand(DataType.DOUBLE, 6, 2, 4).permute(1, 0, 2); // [2, 6, 4], not row-major
        INDArray c = BatchedGemm.matmul(sliced, permuted, false, false); // [2, 4, 4]
        assertClose(c, loops(sliced, permuted, false, false), 1e-12);
        INDArray fOrder = Nd4j.rand(DataType.DOUBLE, 'f', 2L, 6L, 4L);
        assertClose(BatchedGemm.matmul(sliced, fOrder, false, false), loops(sliced, fOrder, false, false), 1e-12);
    }

    @Test
    void onlyPlainSameTypeFloatingBatchesGoToBlas() {
        INDArray f3 = Nd4j.rand(DataType.FLOAT, 2, 3, 4);
        assertThat(BatchedGemm.applicable(f3, Nd4j.rand(DataType.FLOAT, 2, 4, 5))).isTrue();
        assertThat(BatchedGemm.applicable(f3, Nd4j.rand(DataType.DOUBLE, 2, 4, 5))).as("mixed types").isFalse();
        assertThat(BatchedGemm.applicable(Nd4j.rand(DataType.FLOAT, 3, 4), Nd4j.rand(DataType.FLOAT, 4, 5)))
                .as("plain matrices (one product: the layers' 2-D products go to BLAS too)").isTrue();
        assertThat(BatchedGemm.applicable(Nd4j.rand(DataType.FLOAT, 3), Nd4j.rand(DataType.FLOAT, 3)))
                .as("vectors").isFalse();
        assertThat(BatchedGemm.applicable(f3, Nd4j.rand(DataType.FLOAT, 3, 4, 5))).as("batch sizes differ").isFalse();
        assertThat(BatchedGemm.applicable(Nd4j.ones(DataType.INT, 2, 3, 4), Nd4j.ones(DataType.INT, 2, 4, 5)))
                .as("integers").isFalse();
    }

    @Test
    void plainMatricesGiveTheLoopsNumbersAndMixedTypesNd4jsOwnRefusal() {
        INDArray a = Nd4j.rand(DataType.DOUBLE, 4, 5);
        INDArray b = Nd4j.rand(DataType.DOUBLE, 2, 5);
        INDArray c = BatchedGemm.matmul(a, b, false, true);
        assertClose(c, loops(a.reshape(1, 4, 5), b.reshape(1, 2, 5), false, true).reshape(4, 2), 1e-12);
        INDArray f = Nd4j.rand(DataType.FLOAT, 2, 3, 4).subi(0.5);
        INDArray d = Nd4j.rand(DataType.DOUBLE, 2, 4, 5).subi(0.5);
        // ND4J does not multiply a float by a double array; the direct path must not pretend it can.
        var refused = assertThatThrownBy(() -> BatchedGemm.matmul(f, d, false, false)).hasMessageContaining("matmul");
        if (cpu()) { // the CPU backend's wording; CUDA's native op words it its own way
            refused.rootCause().hasMessageContaining("data types to be the same");
        }
    }

    @Test
    void innerSizeMismatchIsNamed() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 2, 3, 4);
        INDArray b = Nd4j.rand(DataType.FLOAT, 2, 5, 2);
        assertThatThrownBy(() -> BatchedGemm.matmul(a, b, false, false)).hasMessageContaining("inner sizes differ");
    }

    private static boolean cpu() {
        return Nd4j.getBackend().getClass().getSimpleName().startsWith("Cpu");
    }

    private static INDArray loops(INDArray a, INDArray b, boolean ta, boolean tb) {
        INDArray a3 = a.dup('c').reshape('c', -1, a.size(-2), a.size(-1));
        INDArray b3 = b.dup('c').reshape('c', -1, b.size(-2), b.size(-1));
        long m = ta ? a3.size(2) : a3.size(1), k = ta ? a3.size(1) : a3.size(2), n = tb ? b3.size(1) : b3.size(2);
        INDArray c = Nd4j.create(DataType.DOUBLE, a3.size(0), m, n);
        for (long s = 0; s < a3.size(0); s++) {
            for (long i = 0; i < m; i++) {
                for (long j = 0; j < n; j++) {
                    double sum = 0;
                    for (long x = 0; x < k; x++) {
                        sum += (ta ? a3.getDouble(s, x, i) : a3.getDouble(s, i, x)) * (tb ? b3.getDouble(s, j, x) : b3.getDouble(s, x, j));
                    }
                    c.putScalar(new long[] {s, i, j}, sum);
                }
            }
        }
        long[] shape = a.shape().clone();
        shape[shape.length - 2] = m;
        shape[shape.length - 1] = n;
        return c.reshape('c', shape);
    }

    private static void assertClose(INDArray actual, INDArray expected, double eps) {
        assertThat(actual.shape()).containsExactly(expected.shape());
        double diff = actual.castTo(DataType.DOUBLE).sub(expected.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertThat(diff).isLessThan(eps);
    }
}
