package dev.deepwire.compiler.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.exception.DL4JInvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Both lookup strategies (one-hot products for small tables, gather/scatter for large — the scatter-add as Java
 * row additions for float arrays) against plain loops, in double and float, into a table or a view of a larger array
 * (the gradient views DL4J hands a layer). Where the vector kernels run (the tests' JVM), float tables of every size are
 * copied and summed in place: the rows exactly the table's, the gradient exactly the sum in the order of the ids.
 */
class LookupTest {

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"32, 64", "32, 37", "300, 64", "5, 3"})
    void inFloatTheRowsAreCopiesAndTheGradientIsTheSumInOrder(int vocabulary, int d) {
        assertThat(VectorKernels.ON).isTrue();
        java.util.Random random = new java.util.Random(vocabulary + d);
        int n = 1536; // beyond the few hundred rows where a one-hot product's sums come out in another order
        double[] idValues = new double[n];
        for (int i = 0; i < n; i++) {
            idValues[i] = random.nextInt(vocabulary);
        }
        Lookup lookup = new Lookup(Nd4j.createFromArray(idValues), vocabulary, DataType.FLOAT, "test");
        INDArray table = Nd4j.rand(DataType.FLOAT, vocabulary, d).subi(0.5);
        INDArray rows = Nd4j.create(DataType.FLOAT, n, d);
        lookup.rows(table, rows);
        INDArray dy = Nd4j.rand(DataType.FLOAT, n, d).subi(0.5);
        INDArray grad = Nd4j.rand(DataType.FLOAT, vocabulary, d); // stale values go
        lookup.gradient(dy, grad);
        float[] t = table.data().asFloat();
        float[] r = rows.data().asFloat();
        float[] g = dy.data().asFloat();
        float[] want = new float[vocabulary * d];
        for (int i = 0; i < n; i++) {
            int id = (int) idValues[i];
            for (int j = 0; j < d; j++) {
                assertThat(r[i * d + j]).as("row %d, %d", i, j).isEqualTo(t[id * d + j]);
                want[id * d + j] += g[i * d + j];
            }
        }
        assertThat(grad.data().asFloat()).containsExactly(want);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"7, DOUBLE, false", "306, DOUBLE, false", "7, FLOAT, false",
        "306, FLOAT, false", "306, FLOAT, true", "306, DOUBLE, true"})
    void rowsAndGradientsMatchPlainLoops(int vocabulary, DataType type, boolean view) {
        int d = 5;
        double eps = type == DataType.FLOAT ? 1e-6 : 1e-12;
        INDArray table = Nd4j.rand(type, vocabulary, d);
        // Repeated ids: their gradients must add up.
        double[] idValues = {3, 0, 3, vocabulary - 1, 3, 1};
        INDArray ids = Nd4j.createFromArray(idValues).reshape(2, 3);
        Lookup lookup = new Lookup(ids, vocabulary, type, "test");
        INDArray rows = Nd4j.create(type, idValues.length, d);
        lookup.rows(table, rows);
        INDArray dy = Nd4j.rand(type, idValues.length, d);
        INDArray around = Nd4j.rand(type, vocabulary + 3, d);
        INDArray before = around.dup();
        INDArray grad = view ? around.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 2 + vocabulary),
                org.nd4j.linalg.indexing.NDArrayIndex.all()) : Nd4j.rand(type, vocabulary, d); // stale values go
        lookup.gradient(dy, grad);
        INDArray expectedGrad = Nd4j.zeros(type, vocabulary, d);
        for (int i = 0; i < idValues.length; i++) {
            int id = (int) idValues[i];
            assertThat(rows.getRow(i).equalsWithEps(table.getRow(id), eps)).as("row %d", i).isTrue();
            expectedGrad.getRow(id).addi(dy.getRow(i));
        }
        assertThat(grad.equalsWithEps(expectedGrad, eps)).isTrue();
        if (view) {
            assertThat(around.getRow(0).equals(before.getRow(0)) && around.getRow(1).equals(before.getRow(1))
                    && around.getRow(vocabulary + 2).equals(before.getRow(vocabulary + 2))).as("rows outside the view").isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, 7, 2.5, Double.NaN})
    void refusesIdsOutsideTheTableNamingTheLayerAndPosition(double bad) {
        INDArray ids = Nd4j.createFromArray(new double[] {0, 1, bad});
        assertThatThrownBy(() -> new Lookup(ids, 7, DataType.FLOAT, "token embedding 'embed'"))
                .isInstanceOf(DL4JInvalidInputException.class)
                .hasMessageContaining("token embedding 'embed'").hasMessageContaining("0..6").hasMessageContaining("position 2");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"64, 3", "37, 0", "5, 2"})
    void rowsGoIntoColumnsOfAWiderMatrixAndTheGradientWithItsCubeTermIsTheArrayOperationsBitForBit(int d, int from) {
        assertThat(VectorKernels.ON).isTrue();
        int vocabulary = 40;
        int n = 128;
        int width = d + from + 4; // the rows' columns [from, from + d) of wider matrices
        java.util.Random random = new java.util.Random(d);
        double[] both = new double[2 * n]; // [n, 2] ids, the lookup reads its column 1
        for (int i = 0; i < both.length; i++) {
            both[i] = random.nextInt(vocabulary);
        }
        Lookup lookup = new Lookup(both, 1, 2, n, vocabulary, DataType.FLOAT, "test");
        INDArray table = Nd4j.rand(DataType.FLOAT, vocabulary, d).subi(0.5);
        INDArray wide = Nd4j.rand(DataType.FLOAT, n, width);
        INDArray before = wide.dup();
        assertThat(lookup.rowsInto(table, wide, from)).isTrue();
        org.nd4j.linalg.indexing.INDArrayIndex cols = org.nd4j.linalg.indexing.NDArrayIndex.interval(from, from + d);
        org.nd4j.linalg.indexing.INDArrayIndex all = org.nd4j.linalg.indexing.NDArrayIndex.all();
        INDArray ids = Nd4j.createFromArray(java.util.stream.IntStream.range(0, n).mapToDouble(i -> both[2 * i + 1]).toArray());
        INDArray rows = Nd4j.create(DataType.FLOAT, n, d);
        new Lookup(ids, vocabulary, DataType.FLOAT, "test").rows(table, rows);
        assertThat(wide.get(all, cols).dup('c').data().asFloat()).containsExactly(rows.data().asFloat());
        wide.get(all, cols).assign(before.get(all, cols));
        assertThat(wide.data().asFloat()).as("the other columns untouched").containsExactly(before.data().asFloat());

        // the gradient: dy's and e's rows in columns of wider matrices; the term 3λ · e ⊙ |e| as ND4J's operations give it
        INDArray dy = Nd4j.rand(DataType.FLOAT, n, width).subi(0.5);
        INDArray e = Nd4j.rand(DataType.FLOAT, n, width).subi(0.5).muli(4);
        double n3 = 0.03;
        INDArray grad = Nd4j.rand(DataType.FLOAT, vocabulary, d);
        INDArray expected = grad.dup();
        assertThat(lookup.addGradientWithCube(dy, from, e, from, (float) (3 * n3), grad)).isTrue();
        INDArray er = e.get(all, cols);
        INDArray rowsGrad = dy.get(all, cols).dup('c').addi(er.mul(org.nd4j.linalg.ops.transforms.Transforms.abs(er, true))
                .muli(3 * n3));
        new Lookup(ids, vocabulary, DataType.FLOAT, "test").addGradient(rowsGrad, expected);
        assertThat(grad.data().asFloat()).containsExactly(expected.data().asFloat());
    }

    @org.junit.jupiter.api.Test
    void rowsIntoAndTheCubeKernelDeclineArraysTheyCannotWorkOnInPlace() {
        Lookup lookup = new Lookup(Nd4j.createFromArray(new double[] {0, 1}), 3, DataType.DOUBLE, "test");
        INDArray table = Nd4j.rand(DataType.DOUBLE, 3, 4);
        INDArray out = Nd4j.zeros(DataType.DOUBLE, 2, 4);
        assertThat(lookup.rowsInto(table, out, 0)).isFalse();
        assertThat(out.sumNumber().doubleValue()).isZero();
        INDArray floats = Nd4j.rand(DataType.FLOAT, 3, 4);
        INDArray narrow = Nd4j.zeros(DataType.FLOAT, 2, 6);
        assertThat(lookup.rowsInto(floats, narrow, 3)).as("columns past the end").isFalse();
        assertThat(lookup.addGradientWithCube(narrow, 3, narrow, 0, 1f, floats)).isFalse();
    }
}
