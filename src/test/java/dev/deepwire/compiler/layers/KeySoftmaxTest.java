package dev.deepwire.compiler.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The keys-major attention softmax and its gradient against the same computed in double precision, one query row at
 * a time: masked keys get exactly no weight (and no subnormal floats downstream), every other weight agrees to float
 * rounding, and the facade the inspector uses gives the weights in the usual layout.
 */
class KeySoftmaxTest {
    private static final int BATCH = 3;
    private static final int HEADS = 2;
    private static final int QUERIES = 4;
    private static final int KEYS = 5;
    private static final int COLUMNS = BATCH * HEADS * QUERIES;

    /** Scores [keys, columns], column r = (example · heads + head) · queries + query; some large, some very negative. */
    private static float[][] scores(long seed) {
        Random random = new Random(seed);
        float[][] s = new float[KEYS][COLUMNS];
        for (int j = 0; j < KEYS; j++) {
            for (int r = 0; r < COLUMNS; r++) {
                s[j][r] = (float) (random.nextGaussian() * 4);
            }
        }
        s[2][5] = 60; // one key far above the rest of its column
        s[1][7] = -120; // one far below: its weight underflows
        return s;
    }

    /** Example 0 sees every key; example 1 only the first two; example 2 all but key 3. */
    private static float[][] mask() {
        return new float[][] {{1, 1, 1, 1, 1}, {1, 1, 0, 0, 0}, {1, 1, 1, 0, 1}};
    }

    private static double[] expected(float[][] s, float[][] mask, int r) {
        int example = r / (HEADS * QUERIES);
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < KEYS; j++) {
            if (mask[example][j] != 0) {
                max = Math.max(max, s[j][r]);
            }
        }
        double[] p = new double[KEYS];
        double z = 0;
        for (int j = 0; j < KEYS; j++) {
            p[j] = mask[example][j] != 0 ? Math.exp(s[j][r] - max) : 0;
            z += p[j];
        }
        for (int j = 0; j < KEYS; j++) {
            p[j] /= z;
        }
        return p;
    }

    @Test
    void weightsAreEachColumnsSoftmaxAndMaskedKeysGetExactlyNothing() {
        float[][] s = scores(1);
        float[][] m = mask();
        INDArray scores = Nd4j.createFromArray(s);
        new KeySoftmax().forward(scores, Nd4j.createFromArray(m), HEADS * QUERIES);
        for (int r = 0; r < COLUMNS; r++) {
            double[] p = expected(s, m, r);
            double sum = 0;
            for (int j = 0; j < KEYS; j++) {
                float got = scores.getFloat(j, r);
                sum += got;
                if (p[j] == 0) {
                    assertThat(got).as("masked key %d of column %d", j, r).isZero();
                } else {
                    assertThat((double) got).as("key %d of column %d", j, r).isCloseTo(p[j], within(3e-5 * p[j] + 1e-7));
                    assertThat(got == 0 || Math.abs(got) >= Float.MIN_NORMAL).as("no subnormal weight").isTrue();
                }
            }
            assertThat(sum).as("column %d sums to 1", r).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void gradientIsTheSoftmaxJacobianTimesTheWeightsGradient() {
        float[][] s = scores(2);
        INDArray weights = Nd4j.createFromArray(s);
        new KeySoftmax().forward(weights, null, HEADS * QUERIES);
        float[][] a = weights.toFloatMatrix();
        Random random = new Random(3);
        float[][] dA = new float[KEYS][COLUMNS];
        for (float[] row : dA) {
            for (int r = 0; r < COLUMNS; r++) {
                row[r] = (float) random.nextGaussian();
            }
        }
        INDArray grad = Nd4j.createFromArray(dA);
        double scale = 0.25;
        new KeySoftmax().backward(grad, weights, scale);
        for (int r = 0; r < COLUMNS; r++) {
            double dot = 0;
            for (int j = 0; j < KEYS; j++) {
                dot += (double) dA[j][r] * a[j][r];
            }
            for (int j = 0; j < KEYS; j++) {
                double want = (dA[j][r] - dot) * a[j][r] * scale;
                assertThat((double) grad.getFloat(j, r)).as("key %d of column %d", j, r).isCloseTo(want, within(1e-5));
            }
        }
    }

    @Test
    void theInspectorsFacadeGivesTheSameWeightsInTheUsualLayoutAndDoublesTakeNd4jsPath() {
        Nd4j.getRandom().setSeed(5);
        INDArray q = Nd4j.randn(DataType.FLOAT, BATCH, HEADS, QUERIES, 8);
        INDArray k = Nd4j.randn(DataType.FLOAT, BATCH, HEADS, KEYS, 8);
        INDArray mask = Nd4j.createFromArray(mask());
        INDArray host = AttentionProducts.weights(q, k, 0.5, mask);
        INDArray nd4j = AttentionProducts.weights(q.castTo(DataType.DOUBLE), k.castTo(DataType.DOUBLE), 0.5,
                mask.castTo(DataType.DOUBLE));
        assertThat(host.shape()).containsExactly(BATCH, HEADS, QUERIES, KEYS);
        assertThat(host.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(nd4j.dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(host.castTo(DataType.DOUBLE).sub(nd4j).amaxNumber().doubleValue()).isLessThan(1e-5);
        assertThat(host.getFloat(1, 0, 2, 3)).as("a masked key of example 1").isZero();
        INDArray v = Nd4j.randn(DataType.FLOAT, BATCH, HEADS, KEYS, 8);
        INDArray o = AttentionProducts.outputs(host, v);
        INDArray want = Nd4j.matmul(host, v);
        assertThat(o.sub(want).amaxNumber().doubleValue()).isLessThan(1e-5);
    }
}
