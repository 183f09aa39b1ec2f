package dev.deepwire.training;

import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The run's best model so far (lowest validation loss), kept as a copy of its parameters and optimizer state
 * and written once when the run ends, instead of a model file after every improving epoch (a file write that
 * held up the training loop each epoch).
 */
final class BestModel {
    private final Path file;
    private final boolean keep;
    private INDArray params;
    private INDArray updaterState;
    private double loss = Double.POSITIVE_INFINITY;
    private int epoch;
    private long step;
    private double accuracy = Double.NaN;

    /** @param file where the best model goes; {@code null}: the run keeps no best model */
    BestModel(Path file) {
        this(file, false);
    }

    /** @param keep whether to keep the best copy even without a file (to end the run with it) */
    BestModel(Path file, boolean keep) {
        this.file = file;
        this.keep = keep;
    }

    /** Keeps a copy of the model if this validation loss is the lowest yet, with its validation accuracy. */
    void offer(ComputationGraph model, double validationLoss, double validationAccuracy, int epoch, long step) {
        if (file == null && !keep || !(validationLoss < loss)) {
            return;
        }
        loss = validationLoss;
        accuracy = validationAccuracy;
        this.epoch = epoch;
        this.step = step;
        params = model.params().dup();
        INDArray state = model.getUpdater() == null ? null : model.getUpdater().getStateViewArray();
        updaterState = state == null ? null : state.dup();
    }

    /**
     * Writes the kept model to its file and tells the listener; nothing when no epoch was measured. The model is
     * left as it was.
     */
    void write(ComputationGraph model, TrainingListener listener) {
        if (params == null || file == null) {
            return;
        }
        INDArray nowParams = model.params().dup();
        INDArray state = model.getUpdater() == null ? null : model.getUpdater().getStateViewArray();
        INDArray nowState = state == null || updaterState == null ? null : state.dup();
        try {
            model.setParams(params);
            if (nowState != null) {
                state.assign(updaterState);
            }
            TrainingEngine.save(model, file);
        } finally {
            model.setParams(nowParams);
            if (nowState != null) {
                state.assign(nowState);
            }
        }
        listener.onEvent(new TrainingEvent.CheckpointSaved(epoch, step, file));
    }

    /** Puts the kept model's parameters and optimizer state into {@code model}; whether there was one. */
    boolean restore(ComputationGraph model) {
        if (params == null) {
            return false;
        }
        model.setParams(params);
        INDArray state = model.getUpdater() == null ? null : model.getUpdater().getStateViewArray();
        if (state != null && updaterState != null) {
            state.assign(updaterState);
        }
        return true;
    }

    /** The kept model's selection cost (its validation loss, or its figure negated), infinite before any. */
    double cost() {
        return loss;
    }

    int epoch() {
        return epoch;
    }

    /** The kept model's validation accuracy (NaN: none kept, or not measured). */
    double accuracy() {
        return accuracy;
    }
}
