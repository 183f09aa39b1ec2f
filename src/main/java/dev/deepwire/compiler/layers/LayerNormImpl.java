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
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The running {@link LayerNorm}: {@code y = g ⊙ x̂ + b} with {@code x̂ = (x − μ) / √(σ² + ε)} per position;
 * backward {@code dx = (dx̂ − mean(dx̂) − x̂ · mean(dx̂ ⊙ x̂)) / √(σ² + ε)}, {@code dx̂ = g ⊙ dy}.
 */
public final class LayerNormImpl extends BaseLayer<LayerNorm> {

    private final ForwardCache<INDArray[]> kept = new ForwardCache<>();
    private final ForwardCache<LayerNormKernel> keptOnHost = new ForwardCache<>();
    private final LayerNormKernel kernel = new LayerNormKernel();
    private float[] gain = new float[0];
    private float[] bias = new float[0];

    public LayerNormImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public void clear() {
        super.clear();
        kept.clear();
        keptOnHost.clear();
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    /** x̂ and 1/√(σ² + ε) for the current input. */
    private INDArray[] normalise() {
        INDArray centred = input.sub(input.mean(true, 1));
        INDArray inv = Transforms.pow(centred.mul(centred).mean(true, 1).addi(layerConf().epsilon()), -0.5, false);
        return new INDArray[] {centred.muli(inv), inv};
    }

    /** A [d] parameter shaped to broadcast over dimension 1 of the input. */
    private INDArray along(INDArray param) {
        long d = layerConf().size();
        return input.rank() == 3 ? param.reshape(1, d, 1) : param.reshape(1, d);
    }

    private LayerNormKernel normaliseOnHost() {
        return kernel.normalise(input, layerConf().epsilon());
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, mgr);
        if (HostArrays.direct(input)) {
            LayerNormKernel n = keptOnHost.compute(training, mgr, this::normaliseOnHost, input);
            gain = HostArrays.read(getParam(LayerNormParams.GAIN), gain);
            bias = HostArrays.read(getParam(LayerNormParams.BIAS), bias);
            return n.scale(gain, bias, mgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), input.shape(), 'c'));
        }
        INDArray xhat = kept.compute(training, mgr, this::normalise, input)[0];
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), input.shape(), 'c');
        out.assign(xhat.mul(along(getParam(LayerNormParams.GAIN))).addi(along(getParam(LayerNormParams.BIAS))));
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        if (HostArrays.direct(input) && HostArrays.direct(epsilon)) {
            return backpropOnHost(epsilon, mgr);
        }
        INDArray[] n = kept.take(this::normalise, input);
        INDArray xhat = n[0];
        INDArray inv = n[1];
        int[] others = input.rank() == 3 ? new int[] {0, 2} : new int[] {0};
        INDArray gGrad = gradientViews.get(LayerNormParams.GAIN);
        INDArray bGrad = gradientViews.get(LayerNormParams.BIAS);
        gGrad.assign(epsilon.mul(xhat).sum(others).reshape(gGrad.shape()));
        bGrad.assign(epsilon.sum(others).reshape(bGrad.shape()));
        INDArray dxhat = epsilon.mul(along(getParam(LayerNormParams.GAIN)));
        INDArray dx = dxhat.sub(dxhat.mean(true, 1)).subi(xhat.mul(dxhat.mul(xhat).mean(true, 1))).muli(inv);
        Gradient g = new DefaultGradient();
        g.gradientForVariable().put(LayerNormParams.GAIN, gGrad);
        g.gradientForVariable().put(LayerNormParams.BIAS, bGrad);
        INDArray epsOut = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dx.dataType(), dx.shape(), 'c');
        epsOut.assign(dx);
        return new Pair<>(g, epsOut);
    }

    private Pair<Gradient, INDArray> backpropOnHost(INDArray epsilon, LayerWorkspaceMgr mgr) {
        LayerNormKernel n = keptOnHost.take(this::normaliseOnHost, input);
        INDArray gGrad = gradientViews.get(LayerNormParams.GAIN);
        INDArray bGrad = gradientViews.get(LayerNormParams.BIAS);
        int d = (int) layerConf().size();
        float[] gainGrad = new float[d];
        float[] biasGrad = new float[d];
        gain = HostArrays.read(getParam(LayerNormParams.GAIN), gain);
        INDArray epsOut = n.backward(epsilon, gain, gainGrad, biasGrad,
                mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, epsilon.dataType(), input.shape(), 'c'));
        HostArrays.write(gainGrad, gGrad);
        HostArrays.write(biasGrad, bGrad);
        Gradient g = new DefaultGradient();
        g.gradientForVariable().put(LayerNormParams.GAIN, gGrad);
        g.gradientForVariable().put(LayerNormParams.BIAS, bGrad);
        return new Pair<>(g, epsOut);
    }
}
