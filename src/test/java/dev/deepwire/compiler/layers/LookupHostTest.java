package dev.deepwire.compiler.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A large table's gradient summed on the host (float) against libnd4j's scatter-add (double): repeated ids add up,
 * untouched rows are zero (or keep what they held, for {@code addGradient}), and a table that is a view into a larger
 * gradient vector is written where it lies.
 */
class LookupHostTest {

    @Test
    void hostScatterAddMatchesLibnd4jsForRepeatedIdsAndViews() {
        int vocabulary = 1000;
        int width = 8;
        double[] idValues = new double[300];
        for (int i = 0; i < idValues.length; i++) {
            idValues[i] = (i * 37) % 250 * 3 % vocabulary; // ids repeat; most rows untouched
        }
        INDArray ids = Nd4j.createFromArray(idValues);
        INDArray dy = Nd4j.rand(DataType.DOUBLE, idValues.length, width).subi(0.5);

        INDArray expected = Nd4j.zeros(DataType.DOUBLE, vocabulary, width);
        new Lookup(ids, vocabulary, DataType.DOUBLE, "test").gradient(dy, expected);

        INDArray flat = Nd4j.zeros(DataType.FLOAT, 1, 50 + vocabulary * width).addi(3);
        INDArray table = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(50, 50 + vocabulary * width))
                .reshape(vocabulary, width);
        Lookup lookup = new Lookup(ids, vocabulary, DataType.FLOAT, "test");
        lookup.gradient(dy.castTo(DataType.FLOAT), table);
        assertClose(table, expected);
        assertThat(flat.getFloat(49)).as("outside the table").isEqualTo(3f);
        assertThat(flat.getFloat(50 + 999 * width)).as("an untouched row is zero").isEqualTo(0f);

        lookup.addGradient(dy.castTo(DataType.FLOAT), table);
        assertClose(table, expected.mul(2));
        INDArray kept = Nd4j.ones(DataType.FLOAT, vocabulary, width);
        lookup.addGradient(dy.castTo(DataType.FLOAT), kept);
        assertClose(kept, expected.add(1));
    }

    private static void assertClose(INDArray actual, INDArray expected) {
        double[][] a = actual.castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] e = expected.toDoubleMatrix();
        for (int r = 0; r < e.length; r++) {
            for (int c = 0; c < e[r].length; c++) {
                assertThat(a[r][c]).as("[%d, %d]", r, c).isCloseTo(e[r][c], offset(1e-5));
            }
        }
    }
}
