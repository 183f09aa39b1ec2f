package dev.deepwire.training;

import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Work done on the training thread between steps (e.g. capturing attention maps of a probe batch), where
 * the model may be read safely. Must be quick: it runs inside the training loop.
 */
@FunctionalInterface
public interface StepHook {
    StepHook NONE = (model, step, last) -> { };

    /** @param last true once more when the run ends (finished or stopped), with the final model */
    void afterStep(ComputationGraph model, long step, boolean last);
}
