package dev.deepwire.compiler.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The layer-norm loops (feature-major copies of [batch, features, positions]) against the same formulas in double
 * precision, one (example, position) at a time, for sequences, odd sizes and plain vectors ([batch, features]).
 */
class LayerNormKernelTest {
    private static final double EPS = 1e-5;

    @ParameterizedTest
    @CsvSource({"4, 8, 24", "3, 9, 13", "5, 7, 1", "1, 4, 1", "2, 3, 0"})
    void forwardAndBackwardMatchTheFormulasInDouble(int batch, int features, int positions) {
        Random random = new Random(batch * 100 + features * 10 + positions);
        boolean vectors = positions == 0;
        int t = vectors ? 1 : positions;
        double[][][] x = new double[batch][features][t];
        double[][][] dy = new double[batch][features][t];
        for (int e = 0; e < batch; e++) {
            for (int j = 0; j < features; j++) {
                for (int p = 0; p < t; p++) {
                    x[e][j][p] = (float) (random.nextGaussian() * 3 + 1);
                    dy[e][j][p] = (float) random.nextGaussian();
                }
            }
        }
        float[] gain = new float[features];
        float[] bias = new float[features];
        for (int j = 0; j < features; j++) {
            gain[j] = 1 + random.nextFloat();
            bias[j] = random.nextFloat() - 0.5f;
        }
        INDArray input = array(x, vectors);
        INDArray y = input.like();
        INDArray dx = input.like();
        float[] gainGrad = new float[features];
        float[] biasGrad = new float[features];
        LayerNormKernel kernel = new LayerNormKernel();
        kernel.normalise(input, EPS).scale(gain, bias, y);
        kernel.backward(array(dy, vectors), gain, gainGrad, biasGrad, dx);

        double[] wantGain = new double[features];
        double[] wantBias = new double[features];
        for (int e = 0; e < batch; e++) {
            for (int p = 0; p < t; p++) {
                double mean = 0;
                for (int j = 0; j < features; j++) {
                    mean += x[e][j][p];
                }
                mean /= features;
                double var = 0;
                for (int j = 0; j < features; j++) {
                    var += (x[e][j][p] - mean) * (x[e][j][p] - mean);
                }
                double inv = 1 / Math.sqrt(var / features + EPS);
                double m1 = 0;
                double m2 = 0;
                double[] xhat = new double[features];
                for (int j = 0; j < features; j++) {
                    xhat[j] = (x[e][j][p] - mean) * inv;
                    double dxh = gain[j] * dy[e][j][p];
                    m1 += dxh / features;
                    m2 += dxh * xhat[j] / features;
                    wantGain[j] += dy[e][j][p] * xhat[j];
                    wantBias[j] += dy[e][j][p];
                    assertThat((double) at(y, e, j, p, vectors)).as("y at %d, %d, %d", e, j, p)
                            .isCloseTo(gain[j] * xhat[j] + bias[j], within(1e-4));
                }
                for (int j = 0; j < features; j++) {
                    double want = (gain[j] * dy[e][j][p] - m1 - xhat[j] * m2) * inv;
                    assertThat((double) at(dx, e, j, p, vectors)).as("dx at %d, %d, %d", e, j, p).isCloseTo(want, within(1e-4));
                }
            }
        }
        for (int j = 0; j < features; j++) {
            assertThat((double) gainGrad[j]).as("gain gradient %d", j).isCloseTo(wantGain[j], within(1e-3));
            assertThat((double) biasGrad[j]).as("bias gradient %d", j).isCloseTo(wantBias[j], within(1e-3));
        }
    }

    private static INDArray array(double[][][] v, boolean vectors) {
        int b = v.length;
        int d = v[0].length;
        int t = v[0][0].length;
        INDArray a = vectors ? Nd4j.create(DataType.FLOAT, b, d) : Nd4j.create(DataType.FLOAT, b, d, t);
        for (int e = 0; e < b; e++) {
            for (int j = 0; j < d; j++) {
                for (int p = 0; p < t; p++) {
                    if (vectors) {
                        a.putScalar(new long[] {e, j}, v[e][j][p]);
                    } else {
                        a.putScalar(new long[] {e, j, p}, v[e][j][p]);
                    }
                }
            }
        }
        return a;
    }

    private static float at(INDArray a, int e, int j, int p, boolean vectors) {
        return vectors ? a.getFloat(e, j) : a.getFloat(e, j, p);
    }
}
