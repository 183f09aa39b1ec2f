package dev.deepwire.compiler.layers;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Parameters of a hand-written layer described by name and shape, in order: the flat parameter (and
 * gradient) view DL4J hands over is cut into shaped views of those names. Subclasses say which names,
 * which shapes, which are biases, and how to initialise them.
 */
abstract class NamedParams implements ParamInitializer {

    abstract String[] names(Layer layer);

    abstract long[][] shapes(Layer layer);

    /** Names that are biases (no weight decay); none unless overridden. */
    List<String> biases(Layer layer) {
        return List.of();
    }

    abstract void initialize(Layer layer, Map<String, INDArray> params);

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        return Arrays.stream(shapes(layer)).mapToLong(s -> Arrays.stream(s).reduce(1, (a, b) -> a * b)).sum();
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return List.of(names(layer));
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return paramKeys(layer).stream().filter(k -> !biases(layer).contains(k)).toList();
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return biases(layer);
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return weightKeys(layer).contains(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return biases(layer).contains(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray view, boolean initialize) {
        Map<String, INDArray> params = split(conf.getLayer(), view);
        if (initialize) {
            initialize(conf.getLayer(), params);
        }
        return params;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray view) {
        return split(conf.getLayer(), view);
    }

    /** Shaped views sharing memory with {@code view}, in the order of {@link #names}. */
    private Map<String, INDArray> split(Layer layer, INDArray view) {
        String[] names = names(layer);
        long[][] shapes = shapes(layer);
        Map<String, INDArray> out = new LinkedHashMap<>();
        if (names.length == 0) {
            return out;
        }
        INDArray row = view.rank() == 1 ? view.reshape(1, view.length()) : view;
        long at = 0;
        for (int i = 0; i < names.length; i++) {
            long n = Arrays.stream(shapes[i]).reduce(1, (a, b) -> a * b);
            out.put(names[i], row.get(NDArrayIndex.interval(0, 0, true), NDArrayIndex.interval(at, at + n)).reshape('c', shapes[i]));
            at += n;
        }
        return out;
    }
}
