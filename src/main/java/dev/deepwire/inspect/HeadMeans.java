package dev.deepwire.inspect;

import dev.deepwire.compiler.VertexActivations;
import dev.deepwire.data.Dataset;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Each head's average output (before the output projection) over a dataset's examples and unpadded query
 * positions: what a head switched off by {@link Ablation#MEAN} puts out instead.
 *
 * @param node  the attention block
 * @param means {@code [heads, headSize]}
 */
public record HeadMeans(String node, INDArray means) {
    private static final int BATCH = 256;

    /** The heads' means over {@code data} (the validation set), as the trained block computes them. */
    public static HeadMeans of(ComputationGraph net, String node, Dataset data) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("the heads' means need at least one validation example");
        }
        INDArray sum = null;
        double count = 0;
        for (int from = 0; from < data.size(); from += BATCH) {
            Dataset part = data.range(from, Math.min(data.size(), from + BATCH));
            Map<String, INDArray> acts = VertexActivations.of(net, part.features(), part.featureMasks(), null, false);
            AttentionForward.Block block = AttentionForward.block(net, node, acts, part.featureMasks(), Intervention.none(node), null);
            INDArray o = block.heads().castTo(DataType.DOUBLE); // [b, H, Tq, hs]
            INDArray m = block.queryMask() == null ? Nd4j.ones(DataType.DOUBLE, o.size(0), o.size(2))
                    : block.queryMask().castTo(DataType.DOUBLE);
            INDArray weighted = o.mul(m.reshape(o.size(0), 1, o.size(2), 1).broadcast(o.shape()));
            INDArray s = weighted.sum(0, 2); // [H, hs]
            sum = sum == null ? s : sum.addi(s);
            count += m.sumNumber().doubleValue();
        }
        return new HeadMeans(node, sum.divi(Math.max(1, count)));
    }

    /** Head {@code head}'s mean output {@code [headSize]}. */
    public INDArray of(int head) {
        return means.get(NDArrayIndex.point(head), NDArrayIndex.all());
    }
}
