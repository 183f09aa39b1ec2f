package dev.deepwire.compiler.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The transformer's feed-forward network applied at every position of an NCW sequence:
 * {@code W₂ φ(W₁x + b₁) + b₂}, keeping the sequence shape (a plain DenseLayer would flatten it).
 */
public class PositionwiseFeedForwardLayer extends CorrectedSameDiffLayer {
    public static final String W1 = "W1";
    public static final String B1 = "b1";
    public static final String W2 = "W2";
    public static final String B2 = "b2";

    private long size;
    private long hidden;
    private String activation;

    public PositionwiseFeedForwardLayer() {
        // for JSON
    }

    public PositionwiseFeedForwardLayer(long size, long hidden, String activation) {
        this.size = size;
        this.hidden = hidden;
        this.activation = activation;
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(W1, size, hidden);
        params.addBiasParam(B1, 1, hidden);
        params.addWeightParam(W2, hidden, size);
        params.addBiasParam(B2, 1, size);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        Inits.xavierUniform(params.get(W1), size, hidden);
        Inits.xavierUniform(params.get(W2), hidden, size);
        params.get(B1).assign(0);
        params.get(B2).assign(0);
    }

    @Override
    protected SDVariable define(SameDiff sd, SDVariable in, Map<String, SDVariable> p, SDVariable mask) {
        // [b, d, T] -> [b·T, d]: one matrix product per layer for all positions.
        SDVariable steps = in.permute(0, 2, 1);
        SDVariable flat = steps.reshape(-1, size);
        SDVariable h = activate(sd, activation, flat.mmul(p.get(W1)).add(p.get(B1)));
        SDVariable out = h.mmul(p.get(W2)).add(p.get(B2));
        return out.reshape(sd.shape(steps)).permute(0, 2, 1);
    }
}
