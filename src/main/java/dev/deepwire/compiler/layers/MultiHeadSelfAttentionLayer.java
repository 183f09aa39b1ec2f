package dev.deepwire.compiler.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Multi-head scaled dot-product self-attention on NCW sequences {@code [batch, d, T]}, honouring the
 * padding mask. Parameters use DL4J's keys ({@code Wq, Wk, Wv: [heads, headSize, d]},
 * {@code Wo: [heads·headSize, d]}) so the attention inspector can recompute the weights.
 */
public class MultiHeadSelfAttentionLayer extends CorrectedSameDiffLayer {
    public static final String WQ = "Wq";
    public static final String WK = "Wk";
    public static final String WV = "Wv";
    public static final String WO = "Wo";

    private long size;
    private int heads;

    public MultiHeadSelfAttentionLayer() {
        // for JSON
    }

    public MultiHeadSelfAttentionLayer(long size, int heads) {
        this.size = size;
        this.heads = heads;
    }

    /** Feature size d of input and output. */
    public long size() {
        return size;
    }

    public int getHeads() {
        return heads;
    }

    public long headSize() {
        return size / heads;
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(WQ, heads, headSize(), size);
        params.addWeightParam(WK, heads, headSize(), size);
        params.addWeightParam(WV, heads, headSize(), size);
        params.addWeightParam(WO, heads * headSize(), size);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        for (String k : new String[] {WQ, WK, WV, WO}) {
            Inits.xavierUniform(params.get(k), size, size);
        }
    }

    @Override
    protected SDVariable define(SameDiff sd, SDVariable in, Map<String, SDVariable> p, SDVariable mask) {
        return sd.nn.multiHeadDotProductAttention(in, in, in, p.get(WQ), p.get(WK), p.get(WV), p.get(WO), mask, true);
    }
}
