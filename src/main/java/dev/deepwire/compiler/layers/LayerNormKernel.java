package dev.deepwire.compiler.layers;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Layer normalisation as plain loops over float values, for {@link LayerNormImpl} on the CPU. The input is
 * {@code [batch, features, positions]} (positions = 1 for {@code [batch, features]}); every statistic is over the
 * features of one position, and the loops keep the positions (the contiguous axis) innermost so they vectorise.
 * The buffers live with the layer between steps; {@link #normalise} fills x̂ and 1/√(σ² + ε), which the backward
 * pass of the same input reads.
 */
final class LayerNormKernel {
    private float[] x = new float[0];
    private float[] xhat = new float[0];
    private float[] inv = new float[0];
    private float[] out = new float[0];
    private float[] mean = new float[0];
    private float[] second = new float[0];
    private float[] gainSums = new float[0];
    private float[] biasSums = new float[0];
    private int batch;
    private int features;
    private int positions;

    /** Reads the input and computes x̂ = (x − μ) / √(σ² + ε) per (example, position). */
    LayerNormKernel normalise(INDArray input, double epsilon) {
        batch = (int) input.size(0);
        features = (int) input.size(1);
        positions = input.rank() == 3 ? (int) input.size(2) : 1;
        int n = batch * features * positions;
        x = HostArrays.read(input, x);
        xhat = grow(xhat, n);
        inv = grow(inv, batch * positions);
        mean = grow(mean, positions);
        second = grow(second, positions);
        float eps = (float) epsilon;
        for (int b = 0; b < batch; b++) {
            int base = b * features * positions;
            Arrays.fill(mean, 0, positions, 0f);
            Arrays.fill(second, 0, positions, 0f);
            for (int j = 0; j < features; j++) {
                int row = base + j * positions;
                for (int t = 0; t < positions; t++) {
                    mean[t] += x[row + t];
                }
            }
            for (int t = 0; t < positions; t++) {
                mean[t] /= features;
            }
            for (int j = 0; j < features; j++) {
                int row = base + j * positions;
                for (int t = 0; t < positions; t++) {
                    float c = x[row + t] - mean[t];
                    xhat[row + t] = c;
                    second[t] += c * c;
                }
            }
            int at = b * positions;
            for (int t = 0; t < positions; t++) {
                inv[at + t] = (float) (1.0 / Math.sqrt(second[t] / features + eps));
            }
            for (int j = 0; j < features; j++) {
                int row = base + j * positions;
                for (int t = 0; t < positions; t++) {
                    xhat[row + t] *= inv[at + t];
                }
            }
        }
        return this;
    }

    /** Writes y = g ⊙ x̂ + b (g and b per feature) into {@code y}. */
    INDArray scale(float[] gain, float[] bias, INDArray y) {
        out = grow(out, batch * features * positions);
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < features; j++) {
                int row = (b * features + j) * positions;
                float g = gain[j];
                float c = bias[j];
                for (int t = 0; t < positions; t++) {
                    out[row + t] = g * xhat[row + t] + c;
                }
            }
        }
        return HostArrays.write(out, y);
    }

    /**
     * Writes dx = (dx̂ − mean(dx̂) − x̂ · mean(dx̂ ⊙ x̂)) / √(σ² + ε), dx̂ = g ⊙ dy, into {@code dx}, and the gain's
     * and bias's gradients (Σ dy ⊙ x̂ and Σ dy over examples and positions) into the two arrays given.
     */
    INDArray backward(INDArray epsilon, float[] gain, float[] gainGrad, float[] biasGrad, INDArray dx) {
        float[] dy = x = HostArrays.read(epsilon, x); // the input's values are not needed any more
        out = grow(out, batch * features * positions);
        // Per (feature, position) sums first: element-wise, so they vectorise; reduced over positions at the end.
        gainSums = grow(gainSums, features * positions);
        biasSums = grow(biasSums, features * positions);
        Arrays.fill(gainSums, 0, features * positions, 0f);
        Arrays.fill(biasSums, 0, features * positions, 0f);
        for (int b = 0; b < batch; b++) {
            Arrays.fill(mean, 0, positions, 0f);
            Arrays.fill(second, 0, positions, 0f);
            for (int j = 0; j < features; j++) {
                int row = (b * features + j) * positions;
                int sums = j * positions;
                float g = gain[j];
                for (int t = 0; t < positions; t++) {
                    float d = dy[row + t];
                    float xh = xhat[row + t];
                    gainSums[sums + t] += d * xh;
                    biasSums[sums + t] += d;
                    float dxh = g * d;
                    out[row + t] = dxh;
                    mean[t] += dxh;
                    second[t] += dxh * xh;
                }
            }
            int at = b * positions;
            for (int t = 0; t < positions; t++) {
                mean[t] /= features;
                second[t] /= features;
            }
            for (int j = 0; j < features; j++) {
                int row = (b * features + j) * positions;
                for (int t = 0; t < positions; t++) {
                    out[row + t] = (out[row + t] - mean[t] - xhat[row + t] * second[t]) * inv[at + t];
                }
            }
        }
        for (int j = 0; j < features; j++) {
            float gg = 0;
            float bg = 0;
            for (int t = 0; t < positions; t++) {
                gg += gainSums[j * positions + t];
                bg += biasSums[j * positions + t];
            }
            gainGrad[j] = gg;
            biasGrad[j] = bg;
        }
        return HostArrays.write(out, dx);
    }

    private static float[] grow(float[] a, int n) {
        return a.length >= n ? a : new float[n];
    }
}
