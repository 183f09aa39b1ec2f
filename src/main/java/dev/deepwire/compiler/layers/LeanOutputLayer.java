package dev.deepwire.compiler.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link OutputLayer} — its configuration, parameters and numbers — running as {@link LeanOutputLayerImpl}, which
 * takes the training loss of a softmax classifier or a sigmoid output from the backward pass's probabilities instead of
 * a second pass (ADR 0011, decision 27). Built from the same builder: {@code new LeanOutputLayer(new
 * OutputLayer.Builder(LossFunction.MCXENT).nIn(64).nOut(32).activation(Activation.SOFTMAX))}.
 */
public class LeanOutputLayer extends OutputLayer {

    /** For JSON. */
    public LeanOutputLayer() {
    }

    /** The output layer {@code builder.build()} would make. */
    public LeanOutputLayer(OutputLayer.Builder builder) {
        super(builder);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                             INDArray paramsView, boolean initializeParams, DataType dataType) {
        LayerValidation.assertNInNOutSet("LeanOutputLayer", getLayerName(), index, getNIn(), getNOut());
        return LayerWiring.wire(new LeanOutputLayerImpl(conf, dataType), conf, listeners, index, paramsView, initializeParams,
                initializer());
    }
}
