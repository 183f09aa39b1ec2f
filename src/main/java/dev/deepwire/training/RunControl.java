package dev.deepwire.training;

import java.nio.file.Path;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * What the one who started a run can do with it, wherever it trains (on a thread of this process or in a
 * training process of its own): pause, resume and stop take effect between two steps.
 */
public interface RunControl {
    RunState state();

    void pause();

    void resume();

    /** Ends the run after the current step; the model trained so far is kept. */
    void stop();

    /**
     * The trained network, readable while no step runs (paused or ended); null before it is built. A run in another
     * process hands over a copy at each pause and at the end.
     */
    ComputationGraph model();

    /**
     * Completes once the process the run trains in has started and loaded ND4J (at once for a run in this process):
     * until then the run has not begun to load its data.
     */
    default java.util.concurrent.CompletableFuture<Void> processReady() {
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    /** Where the run itself saved its final model, if it did (then the caller need not save it again). */
    default Optional<Path> savedModel() {
        return Optional.empty();
    }
}
