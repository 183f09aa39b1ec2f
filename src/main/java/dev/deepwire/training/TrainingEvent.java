package dev.deepwire.training;

import java.nio.file.Path;
import java.util.List;

/**
 * What a training run tells its listeners, as immutable records made on the training thread (DL4J's
 * own arrays are never handed out). Named in the past tense: each says what has happened.
 */
public sealed interface TrainingEvent {

    /**
     * The state a run ends in with this event — FINISHED, STOPPED or FAILED — or null when the event does not end
     * it. The one place that says which events end a run.
     */
    static RunState endState(TrainingEvent event) {
        if (event instanceof RunFinished) {
            return RunState.FINISHED;
        }
        if (event instanceof RunStopped) {
            return RunState.STOPPED;
        }
        return event instanceof RunFailed ? RunState.FAILED : null;
    }

    /** The network is built and the first step is about to run. */
    record RunStarted(String projectName, int epochs, int stepsPerEpoch, long params, int trainExamples,
                      int validationExamples, String backend) implements TrainingEvent {
    }

    /** One optimisation step finished. */
    /** The optimizer's learning rate in effect at a step (sent after the first step and after each epoch). */
    record LearningRate(long step, double value) implements TrainingEvent {
    }

    record StepCompleted(long step, int epoch, double loss, double samplesPerSecond) implements TrainingEvent {
    }

    /** An epoch (or the part of it run before a step limit) finished and validation was measured. */
    record EpochCompleted(int epoch, long step, double trainLoss, double validationLoss, double validationAccuracy)
            implements TrainingEvent {
    }

    /**
     * The figure the run selects its model on, when it is not already in {@link EpochCompleted} (a knowledge
     * graph's validation filtered MRR), measured after the epoch's validation.
     *
     * @param figure its name, e.g. "validation filtered MRR"
     */
    record SelectionMeasured(int epoch, long step, String figure, double value) implements TrainingEvent {
        /** The knowledge graph's figure's name (metrics.csv keeps it per epoch, as its {@code val_mrr}). */
        public static final String MRR = "validation filtered MRR";
    }

    /** Each block's health, measured every few steps. */
    record HealthMeasured(long step, List<NodeHealth> nodes) implements TrainingEvent {
        public HealthMeasured {
            nodes = List.copyOf(nodes);
        }
    }

    /** A checkpoint was written. */
    record CheckpointSaved(int epoch, long step, Path file) implements TrainingEvent {
    }

    /** Pause, resume or stop took effect. */
    record StateChanged(RunState state) implements TrainingEvent {
    }

    /**
     * The run ended normally: all epochs, the step limit, or early stopping. {@code keptEpoch} is the epoch whose model
     * the run kept when it selects its best epoch (0: the model as the last epoch left it); {@code validationAccuracy}
     * is that model's, and {@code validationMrr} its validation filtered MRR where the run selects on it (else NaN).
     */
    record RunFinished(long steps, int epochs, double validationAccuracy, String reason, int keptEpoch,
                       double validationMrr) implements TrainingEvent {
        public RunFinished(long steps, int epochs, double validationAccuracy, String reason) {
            this(steps, epochs, validationAccuracy, reason, 0, Double.NaN);
        }
    }

    /** The user stopped the run; the model trained so far is kept. */
    record RunStopped(long steps, int epochs, double validationAccuracy) implements TrainingEvent {
    }

    /** The run could not go on; the message says why and what to change, and names the block when one is at fault. */
    record RunFailed(long step, String message, String nodeId) implements TrainingEvent {
        public RunFailed(long step, String message) {
            this(step, message, null);
        }
    }
}
