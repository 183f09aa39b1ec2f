package dev.deepwire.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How a project trains: epochs, batch size, optimizer and learning rate, seed, checkpoints, early
 * stopping, and the validation split (0: the dataset's own validation examples; otherwise this fraction of
 * the training examples is held out instead). Immutable; {@link #validate} lists every bad value with the
 * allowed range.
 */
public record TrainingSettings(int epochs, int batchSize, String optimizer, double learningRate, long seed,
                               int checkpointEvery, int earlyStoppingPatience, double validationSplit, String selectOn) {

    /**
     * What picks the model a run ends with ({@code selectOn}): {@code last} keeps the model as training leaves it
     * (best.zip and early stopping follow the validation loss); {@code loss}, {@code accuracy} or {@code mrr}
     * (validation filtered MRR, for knowledge graphs) pick the best epoch by that validation figure for early
     * stopping and best.zip, and the run ends with that epoch's model.
     */
    public static final List<String> SELECT_ON = List.of("last", "loss", "accuracy", "mrr");

    public TrainingSettings(int epochs, int batchSize, String optimizer, double learningRate, long seed,
                            int checkpointEvery, int earlyStoppingPatience, double validationSplit) {
        this(epochs, batchSize, optimizer, learningRate, seed, checkpointEvery, earlyStoppingPatience, validationSplit,
                "last");
    }

    public TrainingSettings withSelectOn(String metric) {
        return new TrainingSettings(epochs, batchSize, optimizer, learningRate, seed, checkpointEvery, earlyStoppingPatience,
                validationSplit, metric);
    }

    public TrainingSettings(int epochs, int batchSize, String optimizer, double learningRate, long seed,
                            int checkpointEvery, int earlyStoppingPatience) {
        this(epochs, batchSize, optimizer, learningRate, seed, checkpointEvery, earlyStoppingPatience, 0);
    }

    public TrainingSettings withValidationSplit(double split) {
        return new TrainingSettings(epochs, batchSize, optimizer, learningRate, seed, checkpointEvery, earlyStoppingPatience, split,
                selectOn);
    }

    public static final Set<String> OPTIMIZERS = Set.of("adam", "adagrad", "nesterovs", "sgd", "rmsprop");

    public static TrainingSettings defaults() {
        return new TrainingSettings(10, 64, "adam", 1e-3, 42, 0, 0);
    }

    public TrainingSettings withEpochs(int epochs) {
        return new TrainingSettings(epochs, batchSize, optimizer, learningRate, seed, checkpointEvery, earlyStoppingPatience,
                validationSplit, selectOn);
    }

    public TrainingSettings withSeed(long seed) {
        return new TrainingSettings(epochs, batchSize, optimizer, learningRate, seed, checkpointEvery, earlyStoppingPatience,
                validationSplit, selectOn);
    }

    public TrainingSettings withBatchSize(int batchSize) {
        return new TrainingSettings(epochs, batchSize, optimizer, learningRate, seed, checkpointEvery, earlyStoppingPatience,
                validationSplit, selectOn);
    }

    public TrainingSettings withLearningRate(double learningRate) {
        return new TrainingSettings(epochs, batchSize, optimizer, learningRate, seed, checkpointEvery, earlyStoppingPatience,
                validationSplit, selectOn);
    }

    /** Problems, each naming the setting and what it may be; empty when all are valid. */
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (epochs < 1 || epochs > 100_000) {
            problems.add("training.epochs must be between 1 and 100000; got " + epochs);
        }
        if (batchSize < 1 || batchSize > 65_536) {
            problems.add("training.batchSize must be between 1 and 65536; got " + batchSize);
        }
        if (!OPTIMIZERS.contains(optimizer)) {
            problems.add("training.optimizer must be one of " + String.join(", ", OPTIMIZERS.stream().sorted().toList())
                    + "; got " + optimizer);
        }
        if (!(learningRate > 0 && learningRate <= 10)) {
            problems.add("training.learningRate must be above 0 and at most 10; got " + learningRate);
        }
        if (checkpointEvery < 0) {
            problems.add("training.checkpointEvery must be 0 (off) or a number of epochs; got " + checkpointEvery);
        }
        if (earlyStoppingPatience < 0) {
            problems.add("training.earlyStoppingPatience must be 0 (off) or a number of epochs; got "
                    + earlyStoppingPatience);
        }
        if (!(validationSplit >= 0 && validationSplit <= 0.9)) {
            problems.add("training.validationSplit must be 0 (the dataset's own split) or a fraction up to 0.9; got "
                    + validationSplit);
        }
        if (!SELECT_ON.contains(selectOn)) {
            problems.add("training.selectOn must be one of " + String.join(", ", SELECT_ON) + "; got " + selectOn);
        }
        return problems;
    }
}
