package dev.deepwire.compiler.layers;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The vector at each example's last unmasked position of an NCW sequence, {@code [b, f, T] → [b, f]}.
 * (DL4J's {@code LastTimeStep} wrapper only wraps recurrent layers in M2.1.) No parameters.
 */
public class LastStep extends SequenceToVector implements JavaExpressible {

    @Override
    protected BaseLayer<?> create(NeuralNetConfiguration conf, DataType dataType) {
        return new Impl(conf, dataType);
    }

    @Override
    public String javaExpression() {
        return "new LastStep()";
    }

    /** The running layer. */
    public static final class Impl extends BaseLayer<LastStep> {
        Impl(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        public boolean isPretrainLayer() {
            return false;
        }

        /** Index of the last kept position of example {@code b}. */
        private long last(long b) {
            long t = input.size(2) - 1;
            if (maskArray == null) {
                return t;
            }
            while (t > 0 && maskArray.getDouble(b, t) == 0) {
                t--;
            }
            return t;
        }

        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
            assertInputSet(false);
            INDArray out = mgr.create(ArrayType.ACTIVATIONS, input.dataType(), input.size(0), input.size(1));
            for (long b = 0; b < input.size(0); b++) {
                out.getRow(b).assign(input.get(NDArrayIndex.point(b), NDArrayIndex.all(), NDArrayIndex.point(last(b))));
            }
            return out;
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
            INDArray dx = mgr.create(ArrayType.ACTIVATION_GRAD, epsilon.dataType(), input.shape());
            for (long b = 0; b < input.size(0); b++) {
                dx.get(NDArrayIndex.point(b), NDArrayIndex.all(), NDArrayIndex.point(last(b))).assign(epsilon.getRow(b));
            }
            return new Pair<>(new DefaultGradient(), dx);
        }

        @Override
        public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray mask, MaskState state, int minibatch) {
            this.maskArray = mask;
            return null;
        }
    }
}
