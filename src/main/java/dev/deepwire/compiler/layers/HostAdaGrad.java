package dev.deepwire.compiler.layers;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdaGradUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Adagrad for the hand-written layers, as one Java loop over the block's gradient and history instead of libnd4j's
 * updater op (1.8 ms of wordnet-links-mlp-1n's 9 ms step for 282,000 values; ADR 0011). The same formula in the same
 * float arithmetic: {@code h += g²; g = lr·g / (√h + ε)}; the same state (the history, starting at ε) in the same
 * place, so checkpoints and resumed runs are unchanged.
 *
 * <p>It wraps the layer's own {@link AdaGrad} — the one its JSON holds — and is handed out only at run time by
 * {@link HandWrittenLayer#getUpdaterByParam}, so saved models name DL4J's Adagrad as before, and a learning-rate
 * change reaches both. Other data types and backends run DL4J's op.
 */
public final class HostAdaGrad implements IUpdater {
    private final AdaGrad config;

    HostAdaGrad(AdaGrad config) {
        this.config = Objects.requireNonNull(config);
    }

    /** The host version of {@code u} where there is one (Adagrad), else {@code u} itself. */
    static IUpdater of(IUpdater u) {
        return u != null && u.getClass() == AdaGrad.class ? new HostAdaGrad((AdaGrad) u) : u;
    }

    @Override
    public long stateSize(long numParams) {
        return config.stateSize(numParams);
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        Kernel k = new Kernel(config);
        k.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initializeViewArray);
        return k;
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        return config.instantiate(updaterState, initializeStateArrays);
    }

    @Override
    public IUpdater clone() {
        return new HostAdaGrad(config.clone());
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return config.getLearningRate(iteration, epoch);
    }

    @Override
    public boolean hasLearningRate() {
        return config.hasLearningRate();
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        config.setLrAndSchedule(lr, lrSchedule);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostAdaGrad h && h.config.equals(config);
    }

    @Override
    public int hashCode() {
        return 31 * config.hashCode() + 7;
    }

    @Override
    public String toString() {
        return "HostAdaGrad(" + config + ")";
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
            if (history == null || !HostArrays.direct(gradient) || !HostArrays.direct(history)
                    || gradient.length() != history.length()) {
                super.applyUpdater(gradient, iteration, epoch);
                return;
            }
            float lr = (float) getConfig().getLearningRate(iteration, epoch);
            float eps = (float) getConfig().getEpsilon();
            if (eps == 0) {
                eps = 1e-7f; // as libnd4j's op
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
