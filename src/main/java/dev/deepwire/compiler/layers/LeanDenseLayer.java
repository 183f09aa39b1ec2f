package dev.deepwire.compiler.layers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * DL4J's {@link DenseLayer} — its configuration, parameters and numbers — running as {@link LeanDenseLayerImpl}, whose
 * backward pass takes the activation from the forward pass instead of projecting the input again (ADR 0011, decision
 * 30). Made from a built DL4J layer: {@code LeanDenseLayer.of(new DenseLayer.Builder()….build())} (DL4J's builder makes
 * only its own class).
 */
public class LeanDenseLayer extends DenseLayer {

    /** For JSON. */
    public LeanDenseLayer() {
    }

    /** The same layer as {@code layer}, every setting copied (through DL4J's own JSON form of it). */
    public static LeanDenseLayer of(DenseLayer layer) {
        try {
            ObjectMapper json = NeuralNetConfiguration.mapper();
            ObjectNode tree = (ObjectNode) json.readTree(json.writeValueAsString(layer));
            tree.put("@class", LeanDenseLayer.class.getName());
            return (LeanDenseLayer) json.treeToValue(tree, org.deeplearning4j.nn.conf.layers.Layer.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                             INDArray paramsView, boolean initializeParams, DataType dataType) {
        LayerValidation.assertNInNOutSet("LeanDenseLayer", getLayerName(), index, getNIn(), getNOut());
        return LayerWiring.wire(new LeanDenseLayerImpl(conf, dataType), conf, listeners, index, paramsView, initializeParams,
                initializer());
    }
}
