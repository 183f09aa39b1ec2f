package dev.deepwire.compiler.layers;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The softmax classifier block's layer: DL4J's {@link OutputLayer} (dense projection, softmax, multi-class
 * cross-entropy) in its configuration and parameters, running as {@link SoftmaxClassifierImpl}
 * — the same numbers with fewer array operations a training step (ADR 0011, decision 27).
 */
public class SoftmaxClassifier extends OutputLayer implements JavaExpressible {

    /** For JSON. */
    public SoftmaxClassifier() {
    }

    /** A classifier of {@code classes} from {@code features} inputs, as {@code new OutputLayer.Builder(MCXENT)} builds it. */
    public SoftmaxClassifier(long features, long classes) {
        super(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(features).nOut(classes)
                .activation(Activation.SOFTMAX));
    }

    @Override
    public String javaExpression() {
        return "new SoftmaxClassifier(" + getNIn() + "L, " + getNOut() + "L)";
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                             INDArray paramsView, boolean initializeParams, DataType dataType) {
        LayerValidation.assertNInNOutSet("SoftmaxClassifier", getLayerName(), index, getNIn(), getNOut());
        SoftmaxClassifierImpl layer = new SoftmaxClassifierImpl(conf, dataType);
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        Map<String, INDArray> params = initializer().init(conf, paramsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }
}
