package dev.deepwire.training.eval;

import dev.deepwire.compiler.layers.LeanOutputLayer;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A classifier's validation loss from the probabilities the network already gave, so a validation batch takes one
 * forward pass instead of two (DL4J's {@code score} runs its own pass up to the output layer, then {@code output}
 * another: 6 % and 4 % of marker's training thread). It is DL4J's own loss on the same numbers, by the same
 * operations in the same order: for a softmax output {@code LossMCXENT}'s (the probabilities clipped to [ε, 1 − ε],
 * their logarithm times the labels), for a sigmoid output {@code LossBinaryXENT}'s (clipped by libnd4j's
 * {@code clipbyvalue}, y·log p + (1 − y)·log(1 − p)); summed and taken over the batch. It applies only where that is
 * exactly what {@code score} computes — one output, a plain {@code OutputLayer} with unweighted loss, no
 * regularization term, no label mask; elsewhere {@link #of} says no and the caller scores the DL4J way (ADR 0011,
 * decision 18).
 */
final class LossFromOutput {
    private final boolean softmax;
    private final double clip;

    private LossFromOutput(boolean softmax, double clip) {
        this.softmax = softmax;
        this.clip = clip;
    }

    /** The loss from outputs for {@code net}, or null where its score is not one of these two plain losses. */
    static LossFromOutput of(ComputationGraph net) {
        if (net.getNumOutputArrays() != 1 || net.calcRegularizationScore(true) != 0.0) {
            return null;
        }
        Layer out = net.getOutputLayer(0);
        if (out == null || out.conf() == null || !out.conf().isMiniBatch() || !plainOutputLayer(out.conf().getLayer())) {
            return null;
        }
        OutputLayer conf = (OutputLayer) out.conf().getLayer();
        ILossFunction loss = conf.getLossFn();
        if (loss != null && loss.getClass() == LossMCXENT.class && ((LossMCXENT) loss).getWeights() == null
                && conf.getActivationFn() instanceof ActivationSoftmax) {
            return new LossFromOutput(true, ((LossMCXENT) loss).getSoftmaxClipEps());
        }
        if (loss != null && loss.getClass() == LossBinaryXENT.class && ((LossBinaryXENT) loss).getWeights() == null
                && conf.getActivationFn() instanceof ActivationSigmoid) {
            return new LossFromOutput(false, ((LossBinaryXENT) loss).getClipEps());
        }
        return null;
    }

    /** DL4J's output layer, or DeepWire's, which scores as it does (LeanOutputLayerTest). */
    private static boolean plainOutputLayer(org.deeplearning4j.nn.conf.layers.Layer conf) {
        return conf.getClass() == OutputLayer.class || conf.getClass() == LeanOutputLayer.class;
    }

    /** Whether the batch is one this loss scores as DL4J would (no label mask). */
    static boolean applies(MultiDataSet b) {
        return b.getLabelsMaskArrays() == null || b.getLabelsMaskArray(0) == null;
    }

    /** The batch's mean loss, as {@code net.score(b, false)} gives it, from its output {@code [batch, classes]}. */
    double loss(INDArray probabilities, INDArray labels) {
        INDArray p = probabilities.dup();
        INDArray y = labels.castTo(p.dataType());
        INDArray scores;
        if (softmax) {
            if (clip > 0.0) {
                BooleanIndexing.replaceWhere(p, clip, Conditions.lessThan(clip));
                BooleanIndexing.replaceWhere(p, 1.0 - clip, Conditions.greaterThan(1.0 - clip));
            }
            scores = Transforms.log(p, false).muli(y);
        } else {
            if (clip > 0.0) {
                Nd4j.getExecutioner().execAndReturn(DynamicCustomOp.builder("clipbyvalue").addInputs(p).callInplace(true)
                        .addFloatingPointArguments(clip, 1.0 - clip).build());
            }
            scores = Transforms.log(p, true).muli(y);
            INDArray second = p.rsubi(1);
            Transforms.log(second, false);
            second.muli(y.rsub(1));
            scores.addi(second);
        }
        double loss = -scores.sumNumber().doubleValue() / scores.size(0);
        ModelScore.release(p, scores == p ? null : scores); // the softmax's log ran in place
        return loss;
    }
}
