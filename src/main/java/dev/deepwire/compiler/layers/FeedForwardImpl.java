package dev.deepwire.compiler.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The running {@link FeedForward}: positions flattened to rows, two matrix products, shape restored. */
public final class FeedForwardImpl extends BaseLayer<FeedForward> {

    private final ForwardCache<Forward> kept = new ForwardCache<>();
    private final FeedForwardRows onRows = new FeedForwardRows();

    public FeedForwardImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    private boolean relu() {
        return "relu".equalsIgnoreCase(layerConf().getActivation());
    }

    private IActivation phi() {
        return Activation.fromString(layerConf().getActivation()).getActivationFunction();
    }

    /** Rows of the input, the first product before the activation, and after it. */
    private record Forward(INDArray x, INDArray pre, INDArray h) {
    }

    private Forward forward(boolean training) {
        INDArray x = SequenceRows.rows(input);
        INDArray pre = MatrixProducts.mul(x, getParam(FeedForward.W1)).addiRowVector(getParam(FeedForward.B1));
        // ReLU into a new array in one pass (ND4J's relu op, as DL4J's ReLU activation runs it), not a copy and then
        // the activation in place
        INDArray h = relu() ? Transforms.relu(pre, true) : phi().getActivation(pre.dup(), training);
        return new Forward(x, pre, h);
    }

    @Override
    public void clear() {
        super.clear();
        kept.clear();
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        Forward f = kept.compute(training, mgr, () -> forward(training), input);
        INDArray y = SequenceRows.product(f.h(), getParam(FeedForward.W2), false, input.size(0), input.size(2),
                ArrayType.ACTIVATIONS, mgr);
        return Broadcast.add(y, getParam(FeedForward.B2), y, 1); // b2 per feature: dimension 1 of [b, d, T]
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        Forward f = kept.take(() -> forward(true), input);
        INDArray x = f.x();
        INDArray pre = f.pre();
        INDArray h = f.h();
        INDArray dy = SequenceRows.rows(epsilon);
        boolean inPlace = FeedForwardRows.usable(h, dy, x, gradientViews.get(FeedForward.W1),
                gradientViews.get(FeedForward.B1), gradientViews.get(FeedForward.W2), gradientViews.get(FeedForward.B2));
        // W2's and b2's gradients beside this thread while it goes on to dh (SplitGemm.beside; the same products)
        SplitGemm.Pending second = inPlace
                ? SplitGemm.beside(FeedForwardRows.work(h, dy), onRows.weightAndBiasLater(h, dy,
                        gradientViews.get(FeedForward.W2), gradientViews.get(FeedForward.B2)))
                : null;
        INDArray dpre;
        try {
            if (!inPlace) {
                gradientViews.get(FeedForward.W2).assign(MatrixProducts.tMul(h, dy));
                gradientViews.get(FeedForward.B2).assign(dy.sum(true, 0));
            }
            INDArray dh = MatrixProducts.mulT(dy, getParam(FeedForward.W2));
            // ReLU's derivative as a step times dh: two of ND4J's plain element-wise ops, about 3× faster than its relu_bp.
            dpre = relu() ? dh.muli(Transforms.step(pre, true)) : phi().backprop(pre, dh).getFirst();
        } finally {
            if (second != null) {
                second.join();
            }
        }
        // W1's and b1's gradients beside this thread while it goes on to dx
        SplitGemm.Pending first = inPlace && FeedForwardRows.usable(dpre, x)
                ? SplitGemm.beside(FeedForwardRows.work(x, dpre), onRows.weightAndBiasLater(x, dpre,
                        gradientViews.get(FeedForward.W1), gradientViews.get(FeedForward.B1)))
                : null;
        INDArray epsOut;
        try {
            if (first == null) {
                gradientViews.get(FeedForward.W1).assign(MatrixProducts.tMul(x, dpre));
                gradientViews.get(FeedForward.B1).assign(dpre.sum(true, 0));
            }
            epsOut = SequenceRows.product(dpre, getParam(FeedForward.W1), true, input.size(0), input.size(2),
                    ArrayType.ACTIVATION_GRAD, mgr);
        } finally {
            if (first != null) {
                first.join();
            }
        }
        Gradient g = new DefaultGradient();
        for (String k : new String[] {FeedForward.W1, FeedForward.B1, FeedForward.W2, FeedForward.B2}) {
            g.gradientForVariable().put(k, gradientViews.get(k));
        }
        return new Pair<>(g, epsOut);
    }
}
