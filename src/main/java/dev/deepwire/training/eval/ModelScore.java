package dev.deepwire.training.eval;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Loss and accuracy of a network on prepared batches, for its first output: class accuracy for a
 * softmax classifier, per-position accuracy (padding left out) for a per-step softmax, the share of
 * correct yes/no calls (p &gt; 0.5) for sigmoid and link-prediction outputs; none (NaN) for regression. The loss is
 * DL4J's score of each batch; a softmax or sigmoid classifier's comes from the same forward pass as its accuracy
 * ({@link LossFromOutput}).
 */
public record ModelScore(double loss, double accuracy, int examples) {

    public static ModelScore of(ComputationGraph net, List<MultiDataSet> batches) {
        return of(net, batches, "softmax_output");
    }

    public static ModelScore of(ComputationGraph net, List<MultiDataSet> batches, String outputType) {
        double lossSum = 0;
        double correct = 0;
        double counted = 0;
        int n = 0;
        boolean regression = outputType.equals("regression_output");
        LossFromOutput fromOutput = regression ? null : LossFromOutput.of(net);
        for (MultiDataSet b : batches) {
            int size = (int) b.getFeatures(0).size(0);
            n += size;
            boolean onePass = fromOutput != null && LossFromOutput.applies(b);
            if (!onePass) {
                lossSum += net.score(b, false) * size;
            }
            if (regression) {
                continue;
            }
            INDArray out = net.output(false, b.getFeatures(), b.getFeaturesMaskArrays(), b.getLabelsMaskArrays())[0];
            if (onePass) {
                lossSum += fromOutput.loss(out, b.getLabels(0)) * size;
            }
            double[] hit = hits(out, b, outputType);
            release(out);
            correct += hit[0];
            counted += hit[1];
        }
        double accuracy = counted == 0 ? Double.NaN : correct / counted;
        return new ModelScore(n == 0 ? Double.NaN : lossSum / n, accuracy, n);
    }

    /**
     * {@code {correct, counted}} for one batch's first output {@code out}, counted as {@link #of} counts them (also
     * for outputs computed another way, such as with an attention head switched off).
     */
    public static double[] hits(INDArray out, MultiDataSet b, String outputType) {
        INDArray labels = b.getLabels(0);
        return switch (outputType) {
            case "regression_output" -> new double[] {0, 0};
            case "sigmoid_output", "link_prediction_output" -> new double[] {out.gt(0.5).castTo(DataType.INT)
                    .eq(labels.gt(0.5).castTo(DataType.INT)).castTo(DataType.DOUBLE).sumNumber().doubleValue(), labels.length()};
            case "link_ranking_output" -> { // the true entity ranked first, among all (unfiltered)
                long size = out.size(0);
                yield new double[] {out.argMax(1).castTo(DataType.DOUBLE).reshape(size).eq(labels.castTo(DataType.DOUBLE)
                        .reshape(size)).castTo(DataType.DOUBLE).sumNumber().doubleValue(), size};
            }
            case "sequence_softmax_output" -> {
                INDArray hit = out.argMax(1).eq(labels.argMax(1)).castTo(DataType.DOUBLE); // [b, T]
                INDArray mask = stepMask(b, hit);
                yield new double[] {hit.mul(mask).sumNumber().doubleValue(), mask.sumNumber().doubleValue()};
            }
            default -> new double[] {out.argMax(1).eq(labels.argMax(1)).castTo(DataType.INT).sumNumber().longValue(),
                    out.size(0)};
        };
    }

    /** Which positions count: the label mask, else the first input's mask, else all. */
    static INDArray stepMask(MultiDataSet b, INDArray like) {
        if (b.getLabelsMaskArrays() != null && b.getLabelsMaskArray(0) != null) {
            return b.getLabelsMaskArray(0).castTo(DataType.DOUBLE);
        }
        if (b.getFeaturesMaskArrays() != null && b.getFeaturesMaskArray(0) != null
                && b.getFeaturesMaskArray(0).length() == like.length()) {
            return b.getFeaturesMaskArray(0).castTo(DataType.DOUBLE).reshape(like.shape());
        }
        return like.like().assign(1.0);
    }

    /**
     * Frees the native memory of arrays an evaluation made and no longer needs, now rather than whenever a garbage
     * collection finds them (a 1-N output is [batch, entities]: megabytes per batch, every epoch); views, workspace
     * arrays and nulls are left alone.
     */
    public static void release(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a != null && a.closeable()) {
                a.close();
            }
        }
    }
}
