package dev.deepwire.compiler.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdaGradUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Adagrad as a Java loop ({@link HostUpdater}), or in vector instructions in place where {@link VectorKernels#ON}:
 * {@code h += g²; g = lr·g / (√h + ε)}, the history starting at ε.
 */
final class HostAdaGrad extends HostUpdater {

    HostAdaGrad(AdaGrad config) {
        super(config);
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        Kernel k = new Kernel((AdaGrad) config);
        k.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initializeViewArray);
        return k;
    }

    @Override
    public IUpdater clone() {
        return new HostAdaGrad(((AdaGrad) config).clone());
    }

    /** DL4J's Adagrad updater with its step as a Java loop where the arrays are float values on the host. */
    static final class Kernel extends AdaGradUpdater {
        private float[] g;
        private float[] h;

        Kernel(AdaGrad config) {
            super(config);
        }

        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            INDArray history = historicalGradient;
            if (!onHost(gradient, history)) {
                super.applyUpdater(gradient, iteration, epoch);
                return;
            }
            float lr = (float) getConfig().getLearningRate(iteration, epoch);
            float eps = (float) getConfig().getEpsilon();
            if (eps == 0) {
                eps = 1e-7f; // as libnd4j's op
            }
            if (VectorKernels.ON && HostArrays.inPlace(gradient, history)) {
                UpdaterVectors.adaGrad(HostArrays.bytes(gradient), HostArrays.bytes(history), (int) gradient.length(), lr, eps);
                return;
            }
            g = HostArrays.read(gradient, g);
            h = HostArrays.read(history, h);
            step(g, h, (int) gradient.length(), lr, eps);
            HostArrays.write(h, history);
            HostArrays.write(g, gradient);
        }

        /** In place: h += g², g = lr·g / (√h + ε). */
        static void step(float[] g, float[] h, int n, float lr, float eps) {
            for (int i = 0; i < n; i++) {
                float gi = g[i];
                float hi = h[i] + gi * gi;
                h[i] = hi;
                g[i] = lr * gi / ((float) Math.sqrt(hi) + eps);
            }
        }
    }
}
