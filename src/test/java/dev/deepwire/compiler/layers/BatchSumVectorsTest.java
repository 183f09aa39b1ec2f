package dev.deepwire.compiler.layers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The sum over examples in place gives ND4J's reduction's floats (examples added in order), tails included. */
class BatchSumVectorsTest {

    @ParameterizedTest
    @CsvSource({"64, 64, 24", "128, 64, 16", "3, 5, 7", "1, 2, 3"})
    void theSumOverExamplesIsNd4jsFloatForFloat(int b, int d, int t) {
        assertThat(VectorKernels.ON).isTrue();
        Nd4j.getRandom().setSeed(b + d + t);
        INDArray x = Nd4j.rand(DataType.FLOAT, b, d, t).subi(0.5);
        INDArray out = Nd4j.create(DataType.FLOAT, d, t);
        BatchSumVectors.sum(HostArrays.bytes(x), b, d * t, HostArrays.bytes(out));
        assertThat(out.data().asFloat()).containsExactly(x.sum(true, 0).data().asFloat());
    }
}
