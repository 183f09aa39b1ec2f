package dev.deepwire.inspect;

import dev.deepwire.data.Dataset;
import java.util.List;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Counterfactual pairs as data: an example with one input token changed, two examples side by side as one
 * two-example dataset, and the difference of their maps.
 */
public final class Counterfactuals {
    private Counterfactuals() {
    }

    /** Example {@code example} of {@code data} with token {@code position} of input {@code input} set to {@code token}. */
    public static Dataset edited(Dataset data, int example, int input, int position, int token) {
        INDArray ids = data.features()[input];
        if (ids.rank() != 2) {
            throw new IllegalArgumentException("input " + input + " is not tokens: only a token can be edited");
        }
        if (position < 0 || position >= ids.size(1) || token < 0 || token >= data.inputNames(input).size()) {
            throw new IllegalArgumentException("no position " + position + " or token " + token + " to edit (length "
                    + ids.size(1) + ", vocabulary " + data.inputNames(input).size() + ")");
        }
        Dataset one = data.range(example, example + 1);
        INDArray[] features = one.features().clone();
        features[input] = features[input].dup();
        features[input].putScalar(0, position, token);
        return new Dataset(features, one.featureMasks(), one.labels(), one.labelNames()).withInputNames(names(data));
    }

    /** Two one-example datasets (of the same inputs and lengths) as one dataset: {@code a} is example 0, {@code b} 1. */
    public static Dataset pair(Dataset a, Dataset b) {
        INDArray[] f = join(a.features(), b.features());
        INDArray[] m = a.featureMasks() == null || b.featureMasks() == null ? null : join(a.featureMasks(), b.featureMasks());
        return new Dataset(f, m, join(a.labels(), b.labels()), a.labelNames()).withInputNames(names(a));
    }

    /** {@code b − a}, cell by cell. */
    public static float[][] difference(float[][] a, float[][] b) {
        float[][] d = new float[a.length][];
        for (int q = 0; q < a.length; q++) {
            d[q] = new float[a[q].length];
            for (int k = 0; k < a[q].length; k++) {
                d[q][k] = b[q][k] - a[q][k];
            }
        }
        return d;
    }

    private static INDArray[] join(INDArray[] a, INDArray[] b) {
        INDArray[] out = new INDArray[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] == null || b[i] == null ? null : Nd4j.concat(0, a[i], b[i]);
        }
        return out;
    }

    private static List<List<String>> names(Dataset d) {
        return IntStream.range(0, d.features().length).mapToObj(d::inputNames).toList();
    }
}
