package dev.deepwire.compiler.layers;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Parameters of {@link LayerNorm}: gain {@code g} (starts at 1) and bias {@code b} (starts at 0), each {@code [1, d]}. */
public final class LayerNormParams extends NamedParams {
    public static final String GAIN = "g";
    public static final String BIAS = "b";
    static final LayerNormParams INSTANCE = new LayerNormParams();

    private LayerNormParams() {
    }

    @Override
    String[] names(Layer layer) {
        return new String[] {GAIN, BIAS};
    }

    @Override
    long[][] shapes(Layer layer) {
        long d = ((LayerNorm) layer).size();
        return new long[][] {{1, d}, {1, d}};
    }

    @Override
    List<String> biases(Layer layer) {
        return List.of(BIAS);
    }

    @Override
    void initialize(Layer layer, Map<String, INDArray> p) {
        p.get(GAIN).assign(1.0);
        p.get(BIAS).assign(0.0);
    }
}
