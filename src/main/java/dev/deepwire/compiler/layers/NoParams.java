package dev.deepwire.compiler.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The parameters of a hand-written layer that has none (it only reshapes or reduces). */
final class NoParams extends NamedParams {
    static final NoParams INSTANCE = new NoParams();

    @Override
    String[] names(Layer layer) {
        return new String[0];
    }

    @Override
    long[][] shapes(Layer layer) {
        return new long[0][];
    }

    @Override
    void initialize(Layer layer, Map<String, INDArray> params) {
        // nothing to learn
    }
}
