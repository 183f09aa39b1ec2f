package dev.deepwire.compiler.layers;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.shape.OneHot;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Softmax cross-entropy over all entities for 1-N link prediction, with labels given as the true entity's id
 * {@code [b, 1]} (a one-hot target of 4,000 entities per example would not fit in memory for a whole split) and
 * label smoothing: target {@code y = (1 − ε) onehot(t) + ε / N}. Per example {@code −Σ y log softmax(s)}; its
 * gradient with respect to the scores is {@code softmax(s) − y}. The layer's activation must be the identity.
 */
public class EntitySoftmaxLoss implements ILossFunction {
    private double smoothing;

    public EntitySoftmaxLoss() {
        // for JSON
    }

    public EntitySoftmaxLoss(double smoothing) {
        this.smoothing = smoothing;
    }

    public double getSmoothing() {
        return smoothing;
    }

    public void setSmoothing(double smoothing) {
        this.smoothing = smoothing;
    }

    /** The smoothed targets [b, N] for the label ids [b, 1]. */
    INDArray targets(INDArray labels, long entities) {
        if (labels.size(1) != 1) {
            throw new IllegalArgumentException("the link ranking output takes the true entity's id as its label ([batch, 1]);"
                    + " got labels of " + labels.size(1) + " columns");
        }
        double max = labels.maxNumber().doubleValue();
        double min = labels.minNumber().doubleValue();
        if (min < 0 || max >= entities) {
            throw new IllegalArgumentException("the link ranking output scores " + entities + " entities but a label id is "
                    + (min < 0 ? min : max) + "; ids must lie in 0.." + (entities - 1));
        }
        INDArray y = Nd4j.create(labels.dataType(), labels.size(0), entities);
        OneHot op = new OneHot(labels.reshape(labels.size(0)).castTo(org.nd4j.linalg.api.buffer.DataType.INT),
                (int) entities, -1, 1.0 - smoothing + smoothing / entities, smoothing / entities, labels.dataType());
        op.addOutputArgument(y);
        Nd4j.exec(op);
        return y;
    }

    /** log softmax of each row. */
    private static INDArray logSoftmax(INDArray s) {
        INDArray shifted = s.subColumnVector(s.max(1).reshape(s.size(0), 1));
        INDArray lse = Transforms.log(Transforms.exp(shifted, true).sum(true, 1), false);
        return shifted.subiColumnVector(lse);
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray s = activationFn.getActivation(preOutput.dup(), true);
        INDArray y = targets(labels, s.size(1));
        INDArray perExample = logSoftmax(s).muli(y).sum(true, 1).negi();
        if (mask != null) {
            perExample.muli(mask.reshape(perExample.shape()).castTo(perExample.dataType()));
        }
        return perExample;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        double sum = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        return average ? sum / preOutput.size(0) : sum;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray s = activationFn.getActivation(preOutput.dup(), true);
        INDArray grad = Transforms.exp(logSoftmax(s), false).subi(targets(labels, s.size(1)));
        if (mask != null) {
            grad.muliColumnVector(mask.reshape(grad.size(0), 1).castTo(grad.dataType()));
        }
        return activationFn.backprop(preOutput.dup(), grad).getFirst();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return "EntitySoftmaxLoss(" + smoothing + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
