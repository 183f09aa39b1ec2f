package dev.deepwire.compiler.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The layer-norm loops (feature-major copies of [batch, features, positions]) and the in-place vector kernel
 * ({@link LayerNormVectors}, positions a multiple of its lanes) against the same formulas in double precision, one
 * (example, position) at a time, for sequences, odd sizes and plain vectors ([batch, features]); and the two kernels
 * against each other, float for float.
 */
class LayerNormKernelTest {
    private static final double EPS = 1e-5;

    @Test
    void theTestsJvmHasTheInPlaceKernel() {
        assertThat(VectorKernels.ON).as("vector kernels on").isTrue();
        assertThat(LayerNormVectors.fits(24)).as("marker's 24 positions fill a vector of %d", LayerNormVectors.LANES).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"4, 8, 24, true", "4, 8, 24, false", "3, 5, 16, true", "2, 6, 40, true", "2, 3, 17, true",
        "3, 9, 13, true", "5, 7, 1, true", "1, 4, 1, false", "2, 3, 0, true"})
    void forwardAndBackwardMatchTheFormulasInDouble(int batch, int features, int positions, boolean vectors) {
        Random random = new Random(batch * 100 + features * 10 + positions);
        boolean flatInput = positions == 0;
        int t = flatInput ? 1 : positions;
        double[][][] x = new double[batch][features][t];
        double[][][] dy = new double[batch][features][t];
        fill(random, x, dy);
        float[] gain = new float[features];
        float[] bias = new float[features];
        fillParams(random, gain, bias);
        INDArray input = array(x, flatInput);
        INDArray y = input.like();
        INDArray dx = input.like();
        float[] gainGrad = new float[features];
        float[] biasGrad = new float[features];
        LayerNormKernel kernel = new LayerNormKernel(vectors);
        kernel.normalise(input, EPS).scale(gain, bias, y);
        kernel.backward(array(dy, flatInput), gain, gainGrad, biasGrad, dx);
        checkAgainstDouble(x, dy, gain, bias, y, dx, gainGrad, biasGrad, flatInput);
    }

    /** The in-place kernel gives the plain loops' floats: the same operations in the same order, lane by lane. */
    @ParameterizedTest
    @CsvSource({"8, 64, 24", "16, 32, 16", "3, 5, 40", "2, 1, 32", "3, 4, 17"})
    void theInPlaceKernelGivesThePlainLoopsFloats(int batch, int features, int positions) {
        Random random = new Random(batch * 7 + positions);
        double[][][] x = new double[batch][features][positions];
        double[][][] dy = new double[batch][features][positions];
        fill(random, x, dy);
        float[] gain = new float[features];
        float[] bias = new float[features];
        fillParams(random, gain, bias);
        INDArray input = array(x, false);
        // the gradient as a view (a permuted copy's permutation back), as a layer may be handed one
        INDArray epsilon = array(dy, false).permute(0, 2, 1).dup('c').permute(0, 2, 1);
        INDArray[] plain = run(new LayerNormKernel(false), input, epsilon, gain, bias, false);
        INDArray[] inPlace = run(new LayerNormKernel(true), input, epsilon, gain, bias, false);
        INDArray[] intoViews = run(new LayerNormKernel(true), input, epsilon, gain, bias, true);
        for (int i = 0; i < plain.length; i++) {
            assertThat(inPlace[i].data().asFloat()).as("output %d", i).containsExactly(plain[i].data().asFloat());
            assertThat(intoViews[i].dup('c').data().asFloat()).as("output %d into a view", i)
                    .containsExactly(plain[i].data().asFloat());
        }
    }

    private static INDArray[] run(LayerNormKernel kernel, INDArray input, INDArray epsilon, float[] gain, float[] bias,
            boolean views) {
        int d = gain.length;
        long[] s = input.shape();
        INDArray y = views ? Nd4j.create(DataType.FLOAT, s[0], s[2], s[1]).permute(0, 2, 1) : input.like();
        INDArray dx = views ? Nd4j.create(DataType.FLOAT, s[0], s[2], s[1]).permute(0, 2, 1) : input.like();
        float[] gainGrad = new float[d];
        float[] biasGrad = new float[d];
        assertThat(kernel.normalise(input, EPS).scale(gain, bias, y)).isSameAs(y);
        assertThat(kernel.backward(epsilon, gain, gainGrad, biasGrad, dx)).isSameAs(dx);
        return new INDArray[] {y, dx, Nd4j.createFromArray(gainGrad), Nd4j.createFromArray(biasGrad)};
    }

    /** Gains around 1.5 and biases around 0, one per feature. */
    private static void fillParams(Random random, float[] gain, float[] bias) {
        for (int j = 0; j < gain.length; j++) {
            gain[j] = 1 + random.nextFloat();
            bias[j] = random.nextFloat() - 0.5f;
        }
    }

    private static void fill(Random random, double[][][] x, double[][][] dy) {
        for (int e = 0; e < x.length; e++) {
            for (int j = 0; j < x[0].length; j++) {
                for (int p = 0; p < x[0][0].length; p++) {
                    x[e][j][p] = (float) (random.nextGaussian() * 3 + 1);
                    dy[e][j][p] = (float) random.nextGaussian();
                }
            }
        }
    }

    private static void checkAgainstDouble(double[][][] x, double[][][] dy, float[] gain, float[] bias, INDArray y,
            INDArray dx, float[] gainGrad, float[] biasGrad, boolean flatInput) {
        int batch = x.length;
        int features = x[0].length;
        int t = x[0][0].length;
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
                    assertThat((double) at(y, e, j, p, flatInput)).as("y at %d, %d, %d", e, j, p)
                            .isCloseTo(gain[j] * xhat[j] + bias[j], within(1e-4));
                }
                for (int j = 0; j < features; j++) {
                    double want = (gain[j] * dy[e][j][p] - m1 - xhat[j] * m2) * inv;
                    assertThat((double) at(dx, e, j, p, flatInput)).as("dx at %d, %d, %d", e, j, p).isCloseTo(want, within(1e-4));
                }
            }
        }
        for (int j = 0; j < features; j++) {
            assertThat((double) gainGrad[j]).as("gain gradient %d", j).isCloseTo(wantGain[j], within(1e-3));
            assertThat((double) biasGrad[j]).as("bias gradient %d", j).isCloseTo(wantBias[j], within(1e-3));
        }
    }

    private static INDArray array(double[][][] v, boolean flatInput) {
        int b = v.length;
        int d = v[0].length;
        int t = v[0][0].length;
        float[] values = new float[b * d * t];
        for (int e = 0, i = 0; e < b; e++) {
            for (int j = 0; j < d; j++) {
                for (int p = 0; p < t; p++) {
                    values[i++] = (float) v[e][j][p];
                }
            }
        }
        return flatInput ? Nd4j.create(values, new long[] {b, d}, DataType.FLOAT)
                : Nd4j.create(values, new long[] {b, d, t}, DataType.FLOAT);
    }

    private static float at(INDArray a, int e, int j, int p, boolean flatInput) {
        return flatInput ? a.getFloat(e, j) : a.getFloat(e, j, p);
    }
}
