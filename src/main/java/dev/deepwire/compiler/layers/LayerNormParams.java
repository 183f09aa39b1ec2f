package dev.deepwire.compiler.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Parameters of {@link LayerNorm}: gain {@code g} (starts at 1) and bias {@code b} (starts at 0), each {@code [1, d]}. */
public final class LayerNormParams implements ParamInitializer {
    public static final String GAIN = "g";
    public static final String BIAS = "b";
    static final LayerNormParams INSTANCE = new LayerNormParams();

    private LayerNormParams() {
    }

    private static long size(Layer layer) {
        return ((LayerNorm) layer).size();
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        return 2 * size(layer);
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return List.of(GAIN, BIAS);
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return List.of(GAIN);
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return List.of(BIAS);
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return GAIN.equals(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return BIAS.equals(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray view, boolean initialize) {
        Map<String, INDArray> p = split(conf, view);
        if (initialize) {
            p.get(GAIN).assign(1.0);
            p.get(BIAS).assign(0.0);
        }
        return p;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray view) {
        return split(conf, view);
    }

    private static Map<String, INDArray> split(NeuralNetConfiguration conf, INDArray view) {
        long d = size(conf.getLayer());
        INDArray row = view.rank() == 1 ? view.reshape(1, view.length()) : view;
        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put(GAIN, row.get(NDArrayIndex.interval(0, 0, true), NDArrayIndex.interval(0, d)));
        out.put(BIAS, row.get(NDArrayIndex.interval(0, 0, true), NDArrayIndex.interval(d, 2 * d)));
        return out;
    }
}
