package dev.deepwire.training;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A copy of a trained network that still says how long it was trained: DL4J's {@code clone()} of a network or of its
 * configuration starts the step and epoch counts again at 0, so a model saved from a copy (heads removed in the
 * attention inspector, slimmed in the pruning lab) was opened in the inspector as "step 0", and a fine-tuned copy
 * counted only its fine-tuning steps.
 */
public final class ModelCopy {
    private ModelCopy() {
    }

    /** {@code net} cloned, with its step and epoch counts. */
    public static ComputationGraph of(ComputationGraph net) {
        ComputationGraph copy = net.clone();
        keepCounts(net.getConfiguration(), copy.getConfiguration());
        return copy;
    }

    /** Gives {@code to} the step and epoch counts of {@code from} (a configuration cloned from it). */
    public static void keepCounts(ComputationGraphConfiguration from, ComputationGraphConfiguration to) {
        to.setIterationCount(from.getIterationCount());
        to.setEpochCount(from.getEpochCount());
    }
}
