package dev.deepwire.compiler.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The running {@link ScalarAffine}. */
public final class ScalarAffineImpl extends BaseLayer<ScalarAffine> {

    public ScalarAffineImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        INDArray y = mgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), input.shape(), 'c');
        y.assign(input).muli(getParam(ScalarAffine.SCALE).getDouble(0));
        if (layerConf().isShifted()) {
            y.addi(getParam(ScalarAffine.SHIFT).getDouble(0));
        }
        return y;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        Gradient g = new DefaultGradient();
        gradientViews.get(ScalarAffine.SCALE).assign(epsilon.mul(input).sumNumber().doubleValue());
        g.gradientForVariable().put(ScalarAffine.SCALE, gradientViews.get(ScalarAffine.SCALE));
        if (layerConf().isShifted()) {
            gradientViews.get(ScalarAffine.SHIFT).assign(epsilon.sumNumber().doubleValue());
            g.gradientForVariable().put(ScalarAffine.SHIFT, gradientViews.get(ScalarAffine.SHIFT));
        }
        INDArray dx = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, epsilon.dataType(), epsilon.shape(), 'c');
        dx.assign(epsilon).muli(getParam(ScalarAffine.SCALE).getDouble(0));
        return new Pair<>(g, dx);
    }
}
