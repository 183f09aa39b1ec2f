package dev.deepwire.compiler.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Adam in vector instructions where {@link VectorKernels#ON} ({@link UpdaterVectors#adam}); elsewhere libnd4j's op, as
 * DL4J runs it (the same step as a plain Java loop with its copies cost what the op costs; ADR 0011).
 */
final class HostAdam extends HostUpdater {

    HostAdam(Adam config) {
        super(config);
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        Kernel k = new Kernel((Adam) config);
        INDArray flat = viewArray.reshape(viewArray.length()); // as DL4J's Adam: two state values per parameter
        k.setStateViewArray(flat, new long[] {flat.length() / 2}, flat.ordering(), initializeViewArray);
        return k;
    }

    @Override
    public IUpdater clone() {
        return new HostAdam(((Adam) config).clone());
    }

    /** DL4J's Adam updater with its step in vector instructions where the arrays are plain float values on the host. */
    static final class Kernel extends AdamUpdater {
        Kernel(Adam config) {
            super(config);
        }

        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            INDArray m = getM();
            INDArray v = getV();
            if (!VectorKernels.ON || !onHost(gradient, m, v) || !HostArrays.inPlace(gradient, m, v)) {
                super.applyUpdater(gradient, iteration, epoch);
                return;
            }
            Adam c = getConfig();
            float beta1 = (float) c.getBeta1();
            float beta2 = (float) c.getBeta2();
            float lr = (float) c.getLearningRate(iteration, epoch);
            // libnd4j's bias correction, in float: lr · √(1 − β₂^(t+1)) / (1 − β₁^(t+1))
            float alpha = lr * (float) Math.sqrt(1f - (float) Math.pow(beta2, iteration + 1))
                    / (1f - (float) Math.pow(beta1, iteration + 1));
            UpdaterVectors.adam(HostArrays.bytes(gradient), HostArrays.bytes(m), HostArrays.bytes(v),
                    (int) gradient.length(), beta1, beta2, alpha, (float) c.getEpsilon());
        }
    }
}
