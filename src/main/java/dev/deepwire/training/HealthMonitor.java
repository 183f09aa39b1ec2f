package dev.deepwire.training;

import java.util.List;
import org.deeplearning4j.optimize.api.TrainingListener;

/**
 * Per-block health statistics taken on the training thread (update ratios, output spread, gradient norms).
 * The loop only calls these three methods; the measuring itself is inspection code ({@code inspect.HealthProbe}),
 * plugged in by whoever starts the run through {@link RunOptions#withHealth}.
 */
public interface HealthMonitor extends TrainingListener {
    /** Called before each step, so the monitor can decide whether to measure it. */
    void beforeStep(long nextStep);

    /** The measurements of the last step if it was measured, otherwise empty. */
    List<NodeHealth> takeMeasurements();

    /** Makes a monitor for a run. */
    @FunctionalInterface
    interface Factory {
        /** No measurements: a run started without a monitor reports no health events. */
        Factory NONE = (order, pacer) -> null;

        /**
         * @param order canvas node ids in topological order (also their DL4J vertex names)
         * @param pacer when to measure, within the run's observation budget
         * @return the monitor, or {@code null} for none
         */
        HealthMonitor create(List<String> order, ObservationPacer pacer);
    }
}
