package dev.deepwire.compiler.layers;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Sums a vector's features into one score, {@code [b, n] → [b, 1]} (DistMult's last step). No parameters. */
public class FeatureSum extends HandWrittenLayer implements JavaExpressible {

    @Override
    protected BaseLayer<?> create(NeuralNetConfiguration conf, DataType dataType) {
        return new Impl(conf, dataType);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(1);
    }

    @Override
    public String javaExpression() {
        return "new FeatureSum()";
    }

    @Override
    public ParamInitializer initializer() {
        return NoParams.INSTANCE;
    }

    /** The running layer. */
    public static final class Impl extends BaseLayer<FeatureSum> {
        Impl(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        public boolean isPretrainLayer() {
            return false;
        }

        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
            assertInputSet(false);
            return mgr.leverageTo(ArrayType.ACTIVATIONS, input.sum(true, 1));
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
            INDArray dx = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, epsilon.dataType(), input.shape(), 'c');
            dx.assign(epsilon.broadcast(input.shape()));
            return new Pair<>(new DefaultGradient(), dx);
        }
    }
}
