package dev.deepwire.compiler.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Layer normalisation over the feature dimension (dimension 1) of a vector {@code [batch, d]} or an NCW
 * sequence {@code [batch, d, T]}, with learned gain and bias; DL4J has no such layer.
 */
public class LayerNormLayer extends CorrectedSameDiffLayer {
    public static final String GAIN = "g";
    public static final String BIAS = "b";

    private long size;
    private double epsilon;
    private boolean sequence;

    public LayerNormLayer() {
        // for JSON
    }

    public LayerNormLayer(long size, double epsilon, boolean sequence) {
        this.size = size;
        this.epsilon = epsilon;
        this.sequence = sequence;
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(GAIN, sequence ? new long[] {1, size, 1} : new long[] {1, size});
        params.addBiasParam(BIAS, sequence ? new long[] {1, size, 1} : new long[] {1, size});
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        params.get(GAIN).assign(1.0);
        params.get(BIAS).assign(0.0);
    }

    @Override
    protected SDVariable define(SameDiff sd, SDVariable in, Map<String, SDVariable> p, SDVariable mask) {
        SDVariable mean = in.mean(true, 1);
        SDVariable centred = in.sub(mean);
        SDVariable variance = centred.mul(centred).mean(true, 1);
        SDVariable normed = centred.mul(sd.math.rsqrt(variance.add(epsilon)));
        return normed.mul(p.get(GAIN)).add(p.get(BIAS));
    }
}
