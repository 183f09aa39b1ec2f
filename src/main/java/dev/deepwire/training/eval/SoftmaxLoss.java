package dev.deepwire.training.eval;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A softmax classifier's validation loss from the probabilities the network already gave, so a validation batch
 * takes one forward pass instead of two (DL4J's {@code score} runs its own pass up to the output layer, then
 * {@code output} another: 6 % and 4 % of marker's training thread). It is DL4J's cross-entropy on the same
 * numbers — the probabilities clipped to [ε, 1 − ε] as {@code LossMCXENT} clips them, their logarithm times the
 * labels, summed, over the batch — and applies only where that is exactly what {@code score} computes: one
 * output, a plain {@code OutputLayer} with softmax and unweighted {@code LossMCXENT}, no regularization term, no
 * label mask. Elsewhere {@link #of} says no and the caller scores the DL4J way.
 */
final class SoftmaxLoss {
    private final double clip;

    private SoftmaxLoss(double clip) {
        this.clip = clip;
    }

    /** The loss from outputs for {@code net}, or null where its score is not plain softmax cross-entropy. */
    static SoftmaxLoss of(ComputationGraph net) {
        if (net.getNumOutputArrays() != 1 || net.calcRegularizationScore(true) != 0.0) {
            return null;
        }
        Layer out = net.getOutputLayer(0);
        if (out.conf() == null || !out.conf().isMiniBatch() || out.conf().getLayer().getClass() != OutputLayer.class) {
            return null;
        }
        OutputLayer conf = (OutputLayer) out.conf().getLayer();
        if (conf.getLossFn() == null || conf.getLossFn().getClass() != LossMCXENT.class
                || ((LossMCXENT) conf.getLossFn()).getWeights() != null || !(conf.getActivationFn() instanceof ActivationSoftmax)) {
            return null;
        }
        return new SoftmaxLoss(((LossMCXENT) conf.getLossFn()).getSoftmaxClipEps());
    }

    /** Whether the batch is one this loss scores as DL4J would (no label mask). */
    static boolean applies(MultiDataSet b) {
        return b.getLabelsMaskArrays() == null || b.getLabelsMaskArray(0) == null;
    }

    /** The batch's mean loss, as {@code net.score(b, false)} gives it, from its probabilities {@code [batch, classes]}. */
    double loss(INDArray probabilities, INDArray labels) {
        INDArray p = probabilities.dup();
        if (clip > 0.0) {
            BooleanIndexing.replaceWhere(p, clip, Conditions.lessThan(clip));
            BooleanIndexing.replaceWhere(p, 1.0 - clip, Conditions.greaterThan(1.0 - clip));
        }
        INDArray scores = Transforms.log(p, false).muli(labels.castTo(p.dataType()));
        double loss = -scores.sumNumber().doubleValue() / scores.size(0);
        ModelScore.release(p);
        return loss;
    }
}
