package dev.deepwire.compiler.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.exception.DL4JInvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Both lookup strategies (one-hot products for small tables, gather/scatter for large) against plain loops. */
class LookupTest {

    @ParameterizedTest
    @ValueSource(ints = {7, Lookup.ONE_HOT_MAX + 50})
    void rowsAndGradientsMatchPlainLoops(int vocabulary) {
        int d = 5;
        INDArray table = Nd4j.rand(DataType.DOUBLE, vocabulary, d);
        // Repeated ids: their gradients must add up.
        double[] idValues = {3, 0, 3, vocabulary - 1, 3, 1};
        INDArray ids = Nd4j.createFromArray(idValues).reshape(2, 3);
        Lookup lookup = new Lookup(ids, vocabulary, DataType.DOUBLE, "test");
        INDArray rows = Nd4j.create(DataType.DOUBLE, idValues.length, d);
        lookup.rows(table, rows);
        INDArray dy = Nd4j.rand(DataType.DOUBLE, idValues.length, d);
        INDArray grad = Nd4j.rand(DataType.DOUBLE, vocabulary, d); // stale values must be overwritten
        lookup.gradient(dy, grad);
        INDArray expectedGrad = Nd4j.zeros(DataType.DOUBLE, vocabulary, d);
        for (int i = 0; i < idValues.length; i++) {
            int id = (int) idValues[i];
            assertThat(rows.getRow(i).equalsWithEps(table.getRow(id), 1e-12)).as("row %d", i).isTrue();
            expectedGrad.getRow(id).addi(dy.getRow(i));
        }
        assertThat(grad.equalsWithEps(expectedGrad, 1e-12)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, 7, 2.5, Double.NaN})
    void refusesIdsOutsideTheTableNamingTheLayerAndPosition(double bad) {
        INDArray ids = Nd4j.createFromArray(new double[] {0, 1, bad});
        assertThatThrownBy(() -> new Lookup(ids, 7, DataType.FLOAT, "token embedding 'embed'"))
                .isInstanceOf(DL4JInvalidInputException.class)
                .hasMessageContaining("token embedding 'embed'").hasMessageContaining("0..6").hasMessageContaining("position 2");
    }
}
