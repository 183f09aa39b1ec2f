package dev.deepwire.inspect;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Attention weights of one block for a batch, {@code [batch, heads, queries, keys]} (rows sum to 1), and how
 * closely the output recomputed from them matched the block's own activation.
 */
public record AttentionMaps(String nodeId, INDArray weights, double maxError) {
    /** Output recomputed from the weights must match the block's activation this closely (float precision). */
    public static final double TOLERANCE = 1e-4;

    public int heads() {
        return (int) weights.size(1);
    }

    public boolean verified() {
        return maxError <= TOLERANCE;
    }

    /** One example's map {@code [queries, keys]} for a head, or the mean over heads when {@code head < 0}. */
    public INDArray map(int example, int head) {
        INDArray perExample = weights.get(NDArrayIndex.point(example), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
        return head < 0 ? perExample.mean(0) : perExample.get(NDArrayIndex.point(head), NDArrayIndex.all(), NDArrayIndex.all()).dup();
    }
}
