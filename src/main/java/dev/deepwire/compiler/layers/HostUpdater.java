package dev.deepwire.compiler.layers;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * An optimizer of the hand-written layers whose step runs as one Java loop over the block's gradient and state
 * instead of libnd4j's updater op (Adagrad's took 6–7 ns a value: 1.8 ms of wordnet-links-mlp-1n's 9 ms step; Adam's 1.5 ms of wordnet-links-sampled's
 * 3.3; ADR 0011). The same formula in the
 * same float arithmetic and the same state in the same place, so checkpoints and resumed runs are unchanged.
 *
 * <p>It wraps the layer's own DL4J configuration — the one its JSON holds — and is handed out only at run time by
 * {@link HandWrittenLayer#getUpdaterByParam}, so saved models name DL4J's optimizer as before, and a learning-rate
 * change reaches both. Other data types and backends run DL4J's op.
 */
abstract class HostUpdater implements IUpdater {
    protected final IUpdater config;

    HostUpdater(IUpdater config) {
        this.config = Objects.requireNonNull(config);
    }

    /**
     * The host version of {@code u} where there is one (Adagrad; Adam, whose step runs on the host only in vector
     * instructions: as a plain loop with its copies it cost what libnd4j's op costs, ADR 0011), else {@code u} itself.
     */
    static IUpdater of(IUpdater u) {
        if (u != null && u.getClass() == AdaGrad.class) {
            return new HostAdaGrad((AdaGrad) u);
        }
        return u != null && u.getClass() == Adam.class ? new HostAdam((Adam) u) : u;
    }

    @Override
    public abstract IUpdater clone();

    @Override
    public long stateSize(long numParams) {
        return config.stateSize(numParams);
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        return config.instantiate(updaterState, initializeStateArrays);
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
        return o != null && o.getClass() == getClass() && ((HostUpdater) o).config.equals(config);
    }

    @Override
    public int hashCode() {
        return 31 * config.hashCode() + getClass().hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + config + ")";
    }

    /** Whether the step can run on these arrays here: float values on the host, all of one length. */
    static boolean onHost(INDArray gradient, INDArray... state) {
        if (!HostArrays.direct(gradient)) {
            return false;
        }
        for (INDArray s : state) {
            if (s == null || !HostArrays.direct(s) || s.length() != gradient.length()) {
                return false;
            }
        }
        return true;
    }
}
