package dev.deepwire.training;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/** Loss and classification accuracy of a network on prepared batches (first output). */
public record Evaluation(double loss, double accuracy, int examples) {

    public static Evaluation of(ComputationGraph net, List<MultiDataSet> batches) {
        double lossSum = 0;
        long correct = 0;
        int n = 0;
        for (MultiDataSet b : batches) {
            int size = (int) b.getFeatures(0).size(0);
            lossSum += net.score(b, false) * size;
            INDArray out = net.output(false, b.getFeatures(), b.getFeaturesMaskArrays(), b.getLabelsMaskArrays())[0];
            INDArray predicted = out.argMax(1);
            INDArray actual = b.getLabels(0).argMax(1);
            correct += predicted.eq(actual).castTo(org.nd4j.linalg.api.buffer.DataType.INT).sumNumber().longValue();
            n += size;
        }
        return new Evaluation(n == 0 ? Double.NaN : lossSum / n, n == 0 ? Double.NaN : (double) correct / n, n);
    }
}
