package dev.deepwire.compiler;

import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Every vertex's output for one batch, masks applied (for the health probe's replay and the attention probe). */
public final class VertexActivations {
    private VertexActivations() {
    }

    /**
     * Runs the forward pass of {@code net} on {@code inputs} with the given masks (either may be null) and returns
     * each vertex's output by name; the masks and the layers' kept inputs are cleared afterwards.
     */
    public static Map<String, INDArray> of(ComputationGraph net, INDArray[] inputs, INDArray[] featureMasks,
                                           INDArray[] labelMasks, boolean training) {
        net.setLayerMaskArrays(featureMasks, labelMasks);
        try {
            return net.feedForward(inputs, training, false);
        } finally {
            net.clearLayerMaskArrays();
            net.clearLayersStates();
        }
    }
}
