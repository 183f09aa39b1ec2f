package dev.deepwire.training;

import dev.deepwire.compiler.VertexActivations;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Names the block where a diverging run first produced NaN or infinity: when a step's loss is not finite it
 * keeps the parameters as they were before that step's update, and {@link #locate} replays the step's forward
 * pass with them. (Summing every block's output on every step to catch that moment cost 5 % of a marker step;
 * a finite loss means every output that reached it was finite.)
 */
final class NonFiniteStep extends BaseTrainingListener {
    private final List<String> order;
    private INDArray beforeNonFiniteStep;

    /** @param order canvas node ids in topological order (also their DL4J vertex names) */
    NonFiniteStep(List<String> order) {
        this.order = order;
    }

    /** Called before each step: forgets the previous step's copy. */
    void beforeStep() {
        beforeNonFiniteStep = null;
    }

    @Override
    public void onGradientCalculation(Model model) {
        if (!Double.isFinite(model.score())) {
            // Called after the forward and backward passes, before the update spreads NaN into every weight.
            try (var outside = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                beforeNonFiniteStep = model.params().dup();
            }
        }
    }

    /**
     * After a step whose loss was not finite: puts back the parameters from before that step's update (the
     * model keeps its last finite weights) and replays the step's forward pass on its batch. Returns the first
     * block, in graph order, whose output had NaN or infinite values, or null when every block before the output
     * blocks was finite (the NaN arose in an output block or its loss) or the step was not caught.
     */
    String locate(ComputationGraph model, MultiDataSet batch) {
        if (beforeNonFiniteStep == null) {
            return null;
        }
        model.setParams(beforeNonFiniteStep);
        Map<String, INDArray> activations = VertexActivations.of(model, batch.getFeatures(),
                batch.getFeaturesMaskArrays(), batch.getLabelsMaskArrays(), true);
        List<String> outputs = model.getConfiguration().getNetworkOutputs();
        for (String id : order) {
            if (outputs.contains(id)) {
                continue; // an output block's NaN is reported as arising in the block itself
            }
            INDArray a = activations.get(id);
            if (a != null && !a.isEmpty() && !Double.isFinite(a.sumNumber().doubleValue())) {
                return id;
            }
        }
        return null;
    }
}
