package dev.deepwire.compiler.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's dense layer, less a projection in every training step. DL4J's backward pass projects the input again
 * (product, copy into place, bias: three operations) to get the pre-activation z for the activation's derivative; for
 * the identity that derivative needs nothing and for ReLU it is the same from the forward pass's output a = relu(z)
 * (a > 0 exactly where z > 0, and ReLU's backward writes into a new array, leaving a as it is). So where the backward
 * pass follows this layer's training forward pass for the same input and iteration, it uses that output instead; any
 * other activation, a mask, dropout, weight noise or layer norm, or a backward pass without that forward pass runs
 * DL4J's code.
 */
public class LeanDenseLayerImpl extends org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer {

    /** The output of the last training forward pass, with the input and iteration it was made for. */
    private record Kept(INDArray output, INDArray input, int iteration) {
    }

    private transient Kept kept;

    public LeanDenseLayerImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private boolean plain() {
        org.deeplearning4j.nn.conf.layers.DenseLayer c = layerConf();
        IActivation a = c.getActivationFn();
        boolean plainRelu = a instanceof ActivationReLU r && r.getMax() == null && r.getThreshold() == null
                && r.getNegativeSlope() == null;
        return (plainRelu || a instanceof ActivationIdentity) && c.getIDropout() == null && c.getWeightNoise() == null
                && !c.hasLayerNorm() && maskArray == null && input != null && input.rank() == 2;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        kept = null;
        INDArray out = super.activate(training, workspaceMgr);
        if (training && plain()) {
            kept = new Kept(out, input, getIterationCount());
        }
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        Kept k = kept;
        kept = null;
        if (k == null || !plain() || k.input() != input || k.iteration() != getIterationCount() || k.output().wasClosed()) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        assertInputSet(true);
        INDArray delta = layerConf().getActivationFn().backprop(k.output(), epsilon).getFirst();

        // from here as BaseLayer's backward pass
        Gradient ret = new DefaultGradient();
        if (hasBias()) {
            INDArray biasGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
            delta.sum(biasGrad, 0);
            ret.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGrad);
        }
        INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, true, workspaceMgr);
        INDArray epsilonNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(),
                new long[] {w.size(0), delta.size(0)}, 'f');
        epsilonNext = w.mmuli(delta.transpose(), epsilonNext).transpose();
        INDArray weightGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        Nd4j.gemm(input.castTo(weightGrad.dataType()), delta, weightGrad, true, false, 1.0, 0.0);
        ret.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGrad);
        weightNoiseParams.clear();
        epsilonNext = backpropDropOutIfPresent(epsilonNext);
        return new Pair<>(ret, epsilonNext);
    }

    @Override
    public void clear() {
        super.clear();
        kept = null;
    }
}
