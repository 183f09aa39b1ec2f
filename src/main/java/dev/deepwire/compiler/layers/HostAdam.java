package dev.deepwire.compiler.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Adam as a Java loop ({@link HostUpdater}), libnd4j's formula: {@code m = β₁m + (1 − β₁)g},
 * {@code v = β₂v + (1 − β₂)g²}, {@code g = m·α / (√v + ε)} with {@code α = lr·√(1 − β₂ᵗ) / (1 − β₁ᵗ)}, t the step
 * counted from 1; m and v the two halves of the state, as DL4J lays them out.
 */
final class HostAdam extends HostUpdater {

    HostAdam(Adam config) {
        super(config);
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        Kernel k = new Kernel((Adam) config);
        INDArray flat = viewArray.reshape(viewArray.length()); // as DL4J's Adam: [2n], m then v
        k.setStateViewArray(flat, new long[] {flat.length() / 2}, flat.ordering(), initializeViewArray);
        return k;
    }

    @Override
    public IUpdater clone() {
        return new HostAdam(((Adam) config).clone());
    }

    /** DL4J's Adam updater with its step as a Java loop where the arrays are float values on the host. */
    static final class Kernel extends AdamUpdater {
        private float[] g;
        private float[] m;
        private float[] v;

        Kernel(Adam config) {
            super(config);
        }

        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            INDArray mState = getM();
            INDArray vState = getV();
            if (!onHost(gradient, mState, vState)) {
                super.applyUpdater(gradient, iteration, epoch);
                return;
            }
            Adam c = getConfig();
            float b1 = (float) c.getBeta1();
            float b2 = (float) c.getBeta2();
            float eps = (float) c.getEpsilon();
            float b1t = (float) Math.pow(b1, iteration + 1);
            float b2t = (float) Math.pow(b2, iteration + 1);
            float alpha = (float) (c.getLearningRate(iteration, epoch) * Math.sqrt(1 - b2t) / (1.0 - b1t));
            if (Float.isNaN(alpha) || Float.isInfinite(alpha) || alpha == 0) {
                alpha = eps; // as libnd4j's op
            }
            int n = (int) gradient.length();
            g = HostArrays.read(gradient, g);
            m = HostArrays.read(mState, m);
            v = HostArrays.read(vState, v);
            step(g, m, v, n, b1, b2, eps, alpha);
            HostArrays.write(m, mState);
            HostArrays.write(v, vState);
            HostArrays.write(g, gradient);
        }

        /** In place: the moments updated, g replaced by the step. */
        static void step(float[] g, float[] m, float[] v, int n, float b1, float b2, float eps, float alpha) {
            float c1 = 1 - b1;
            float c2 = 1 - b2;
            for (int i = 0; i < n; i++) {
                float gi = g[i];
                float mi = b1 * m[i] + gi * c1;
                float vi = b2 * v[i] + gi * gi * c2;
                m[i] = mi;
                v[i] = vi;
                g[i] = mi * alpha / ((float) Math.sqrt(vi) + eps);
            }
        }
    }
}
