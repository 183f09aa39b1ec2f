package dev.deepwire.inspect;

import dev.deepwire.data.Dataset;
import dev.deepwire.training.RunControl;
import dev.deepwire.training.TrainingEngine;
import dev.deepwire.limits.ModelZips;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A trained network as the workbench holds it (a run's model at rest, or a saved checkpoint opened for
 * inspection): what the window may do with one — save it, capture its attention — without holding DL4J types.
 */
public final class TrainedModel {
    private final ComputationGraph network;

    public TrainedModel(ComputationGraph network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    /** The run's model as it is now (null while it has none). */
    public static Optional<TrainedModel> of(RunControl run) {
        return Optional.ofNullable(run.model()).map(TrainedModel::new);
    }

    /** A model saved by DeepWire or DL4J ({@code model.zip}, {@code best.zip}); the updater state is not needed. */
    public static TrainedModel load(Path zip) throws IOException {
        try (ModelZips.Checked checked = ModelZips.checkedCopy(zip)) { // within limits before DL4J allocates anything
            return new TrainedModel(ModelSerializer.restoreComputationGraph(checked.file().toFile(), false));
        }
    }

    /** Writes the model with its updater state, as a run does. */
    public void save(Path file) {
        TrainingEngine.save(network, file);
    }

    /** Where each attention block takes its queries and keys from. */
    public AttentionLayout layout() {
        return AttentionLayout.of(network.getConfiguration());
    }

    /** The attention of {@code node} over {@code examples}, verified against the block's own output. */
    public AttentionRecorder.Snapshot capture(String node, Dataset examples) {
        return AttentionRecorder.capture(network, node, -1, examples);
    }

    /** The attention of {@code node} over {@code examples} as captured at {@code step} (-1: not a run's step). */
    public AttentionRecorder.Snapshot capture(String node, long step, Dataset examples) {
        return AttentionRecorder.capture(network, node, step, examples);
    }

    /** How many steps the model was trained for, as saved with it (-1 when unknown). */
    public long trainedSteps() {
        return AttentionRecorder.trainedSteps(network);
    }

    /** The network itself, for the layers below the window. */
    public ComputationGraph network() {
        return network;
    }
}
