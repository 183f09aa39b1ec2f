package dev.deepwire.ui.training;

import java.util.Map;

/**
 * The one place the training settings' names as the window shows them are written: the dock's labels and messages
 * ("Learning rate"), and the Sweep… window's names for the same settings.
 */
public final class SettingLabels {
    private static final Map<String, String> LABELS = Map.of(
            "epochs", "Epochs", "batchSize", "Batch", "optimizer", "Optimizer", "learningRate", "Learning rate",
            "seed", "Seed", "checkpointEvery", "Checkpoint", "earlyStoppingPatience", "Stop after",
            "validationSplit", "Validation split", "selectOn", "Select on");

    private SettingLabels() {
    }

    /** The label of a training setting by its name in the project file ({@code learningRate}), or the name itself. */
    public static String of(String setting) {
        return LABELS.getOrDefault(setting, setting);
    }
}
