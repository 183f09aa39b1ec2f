package dev.deepwire.inspect;

import dev.deepwire.data.Dataset;
import dev.deepwire.data.TextClassDataset;
import java.util.List;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The attention blocks of a network and the network inputs behind their queries and keys, with what the
 * inspector reads from those inputs (an image's pixels, a typed sentence as an example). Keeps the window free
 * of ND4J arrays.
 */
public final class AttentionLayout {
    /** A network with no attention (before the first run). */
    public static final AttentionLayout NONE = new AttentionLayout(null);
    private final ComputationGraphConfiguration conf;

    private AttentionLayout(ComputationGraphConfiguration conf) {
        this.conf = conf;
    }

    public static AttentionLayout of(ComputationGraphConfiguration conf) {
        return new AttentionLayout(conf);
    }

    /** The canvas nodes that hold attention, in network order. */
    public List<String> nodes() {
        return conf == null ? List.of() : AttentionProbe.attentionNodes(conf);
    }

    /** The network inputs behind a node's queries and keys: {@code [queries, keys]} (equal for self-attention). */
    public int[] inputsOf(String node) {
        return AttentionProbe.inputsOf(conf, node);
    }

    /** Whether the node's queries are token ids, so a typed sentence can stand in for an example. */
    public boolean tokenQueries(String node, Dataset data) {
        return data.features()[inputsOf(node)[0]].rank() == 2;
    }

    /** Whether the node's keys are rows of an image (a sequence of vectors per example). */
    public boolean imageKeys(String node, Dataset data) {
        return data.features()[inputsOf(node)[1]].rank() == 3;
    }

    /** The image behind the node's keys for one example, as rows of pixels. */
    public float[][] keyImage(String node, Dataset data, int example) {
        INDArray img = data.features()[inputsOf(node)[1]];
        return img.get(NDArrayIndex.point(example)).castTo(DataType.FLOAT).toFloatMatrix();
    }

    /**
     * One example of {@code data} with the node's queries replaced by {@code text} (tokenised with the data's own
     * vocabulary, padded and masked as the data is).
     */
    public Dataset typedExample(String node, Dataset data, int example, String text) {
        int qi = inputsOf(node)[0];
        Dataset one = data.range(example, example + 1);
        INDArray[] encoded = TextClassDataset.encodeTyped(text, data.inputNames(qi), (int) data.features()[qi].size(1),
                AxisLabels.wordTokens(data, qi));
        INDArray[] features = one.features().clone();
        INDArray[] masks = one.featureMasks() == null ? new INDArray[features.length] : one.featureMasks().clone();
        features[qi] = encoded[0].castTo(features[qi].dataType());
        masks[qi] = encoded[1].castTo(features[qi].dataType());
        return new Dataset(features, masks, one.labels(), one.labelNames()).withInputNames(
                IntStream.range(0, features.length).mapToObj(data::inputNames).toList());
    }
}
