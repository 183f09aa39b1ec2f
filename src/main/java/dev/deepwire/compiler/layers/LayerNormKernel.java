package dev.deepwire.compiler.layers;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Layer normalisation as plain loops over float values, for {@link LayerNormImpl} on the CPU. The input is
 * {@code [batch, features, positions]} (positions = 1 for {@code [batch, features]}); every statistic is over the
 * features of one (example, position). The values are copied feature-major — one Java array per feature, indexed by
 * (example, position) — so the loops over features run the whole batch at once with every array indexed alike,
 * which C2 turns into vector instructions; loops per position ran only 6–24 values (ADR 0011, decisions 3 and 10).
 * The sums run in the same order as the per-position loops did (features in order; the gain's and bias's gradients
 * over examples, then positions), so the results are the same floats. The buffers live with the layer between steps;
 * {@link #normalise} fills x̂ and 1/√(σ² + ε), which the backward pass of the same input reads. Where the vector kernels
 * run and a row of positions fills a vector ({@link LayerNormVectors#fits}), the same operations run in place on the
 * arrays' buffers instead ({@link LayerNormVectors}: no copies, x̂ kept in the input's layout).
 */
final class LayerNormKernel {
    private final boolean vectors;
    /** Whether the current input runs in {@link LayerNormVectors} (x̂ in {@link #flat}, [batch, features, positions]). */
    private boolean inPlace;
    private float[] flat = new float[0];
    private float[][] xhat = new float[0][];
    private float[][] work = new float[0][];
    private float[] inv = new float[0];
    private float[] first = new float[0];
    private float[] second = new float[0];
    private float[] row = new float[0];
    private int batch;
    private int features;
    private int positions;

    /** A kernel that runs in vector instructions where it can. */
    LayerNormKernel() {
        this(VectorKernels.ON);
    }

    /** A kernel that uses {@link LayerNormVectors} where it can if {@code vectors}, else always the plain loops. */
    LayerNormKernel(boolean vectors) {
        this.vectors = vectors;
    }

    /** Reads the input and computes x̂ = (x − μ) / √(σ² + ε) per (example, position). */
    LayerNormKernel normalise(INDArray input, double epsilon) {
        batch = (int) input.size(0);
        features = (int) input.size(1);
        positions = input.rank() == 3 ? (int) input.size(2) : 1;
        int n = batch * positions;
        inPlace = vectors && LayerNormVectors.fits(positions) && HostArrays.inPlace(input);
        if (inPlace) {
            flat = HostArrays.grow(flat, features * n);
            inv = HostArrays.grow(inv, n);
            LayerNormVectors.normalise(HostArrays.bytes(input), batch, features, positions, (float) epsilon, flat, inv);
            return this;
        }
        flat = HostArrays.read(input, flat);
        xhat = HostArrays.grow(xhat, features, n);
        inv = HostArrays.grow(inv, n);
        first = HostArrays.grow(first, n);
        second = HostArrays.grow(second, n);
        toFeatureMajor(flat, xhat);
        float[] mean = first;
        Arrays.fill(mean, 0, n, 0f);
        for (int j = 0; j < features; j++) {
            float[] x = xhat[j];
            for (int r = 0; r < n; r++) {
                mean[r] += x[r];
            }
        }
        for (int r = 0; r < n; r++) {
            mean[r] /= features;
        }
        Arrays.fill(second, 0, n, 0f);
        for (int j = 0; j < features; j++) {
            float[] x = xhat[j];
            for (int r = 0; r < n; r++) {
                float c = x[r] - mean[r];
                x[r] = c;
                second[r] += c * c;
            }
        }
        float eps = (float) epsilon;
        for (int r = 0; r < n; r++) {
            inv[r] = (float) (1.0 / Math.sqrt(second[r] / features + eps));
        }
        for (int j = 0; j < features; j++) {
            float[] x = xhat[j];
            for (int r = 0; r < n; r++) {
                x[r] *= inv[r];
            }
        }
        return this;
    }

    /** Writes y = g ⊙ x̂ + b (g and b per feature) into {@code y}. */
    INDArray scale(float[] gain, float[] bias, INDArray y) {
        int n = batch * positions;
        if (inPlace) {
            INDArray out = HostArrays.isPlain(y) ? y : Nd4j.createUninitialized(y.dataType(), y.shape(), 'c');
            LayerNormVectors.scale(flat, batch, features, positions, gain, bias, HostArrays.bytes(out));
            return out == y ? y : y.assign(out);
        }
        row = HostArrays.grow(row, n);
        flat = HostArrays.grow(flat, features * n);
        for (int j = 0; j < features; j++) {
            float[] x = xhat[j];
            float g = gain[j];
            float c = bias[j];
            for (int r = 0; r < n; r++) {
                row[r] = g * x[r] + c;
            }
            toExampleMajor(row, j, flat);
        }
        return HostArrays.write(flat, y);
    }

    /**
     * Writes dx = (dx̂ − mean(dx̂) − x̂ · mean(dx̂ ⊙ x̂)) / √(σ² + ε), dx̂ = g ⊙ dy, into {@code dx}, and the gain's
     * and bias's gradients (Σ dy ⊙ x̂ and Σ dy over examples and positions) into the two arrays given.
     */
    INDArray backward(INDArray epsilon, float[] gain, float[] gainGrad, float[] biasGrad, INDArray dx) {
        int n = batch * positions;
        if (inPlace) {
            return backwardInPlace(epsilon, gain, gainGrad, biasGrad, dx);
        }
        flat = HostArrays.read(epsilon, flat); // the input's values are not needed any more
        work = HostArrays.grow(work, features, n);
        toFeatureMajor(flat, work);
        row = HostArrays.grow(row, 2 * positions);
        for (int j = 0; j < features; j++) { // per position over the examples first, then over the positions
            float[] d = work[j];
            float[] x = xhat[j];
            Arrays.fill(row, 0, 2 * positions, 0f);
            for (int e = 0; e < batch; e++) {
                int at = e * positions;
                for (int t = 0; t < positions; t++) {
                    row[t] += d[at + t] * x[at + t];
                    row[positions + t] += d[at + t];
                }
            }
            float gg = 0;
            float bg = 0;
            for (int t = 0; t < positions; t++) {
                gg += row[t];
                bg += row[positions + t];
            }
            gainGrad[j] = gg;
            biasGrad[j] = bg;
        }
        float[] mean = first;
        Arrays.fill(mean, 0, n, 0f);
        Arrays.fill(second, 0, n, 0f);
        for (int j = 0; j < features; j++) {
            float[] d = work[j];
            float[] x = xhat[j];
            float g = gain[j];
            for (int r = 0; r < n; r++) {
                float dxh = g * d[r];
                d[r] = dxh;
                mean[r] += dxh;
                second[r] += dxh * x[r];
            }
        }
        for (int r = 0; r < n; r++) {
            mean[r] /= features;
            second[r] /= features;
        }
        for (int j = 0; j < features; j++) {
            float[] d = work[j];
            float[] x = xhat[j];
            for (int r = 0; r < n; r++) {
                d[r] = (d[r] - mean[r] - x[r] * second[r]) * inv[r];
            }
            toExampleMajor(d, j, flat);
        }
        return HostArrays.write(flat, dx);
    }

    private INDArray backwardInPlace(INDArray epsilon, float[] gain, float[] gainGrad, float[] biasGrad, INDArray dx) {
        INDArray dy = HostArrays.isPlain(epsilon) ? epsilon : epsilon.dup('c');
        INDArray out = HostArrays.isPlain(dx) ? dx : Nd4j.createUninitialized(dx.dataType(), dx.shape(), 'c');
        int slots = features * LayerNormVectors.chunks(positions) * LayerNormVectors.LANES;
        // the plain loops' scratch for the two moments serves here as the gain's and bias's per-chunk sums
        first = HostArrays.grow(first, slots);
        second = HostArrays.grow(second, slots);
        LayerNormVectors.backward(HostArrays.bytes(dy), flat, inv, batch, features, positions, gain, first, second,
                gainGrad, biasGrad, HostArrays.bytes(out));
        return out == dx ? dx : dx.assign(out);
    }

    /** [batch, features, positions] values → one array per feature of (example, position). */
    private void toFeatureMajor(float[] values, float[][] byFeature) {
        for (int e = 0; e < batch; e++) {
            for (int j = 0; j < features; j++) {
                System.arraycopy(values, (e * features + j) * positions, byFeature[j], e * positions, positions);
            }
        }
    }

    /** Feature j's (example, position) values back into their places of [batch, features, positions]. */
    private void toExampleMajor(float[] feature, int j, float[] values) {
        for (int e = 0; e < batch; e++) {
            System.arraycopy(feature, e * positions, values, (e * features + j) * positions, positions);
        }
    }
}
