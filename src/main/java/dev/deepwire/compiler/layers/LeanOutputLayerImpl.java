package dev.deepwire.compiler.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.TimesOneMinus;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * DL4J's output layer, less a pass in every training step. DL4J's graph runs the layer's backward pass (projection,
 * activation of a copy, the loss's gradient) and then asks for the loss, for which the layer projects its input again
 * and the loss function takes the activation of another copy, clips it, takes logarithms, multiplies by the labels and
 * sums: ten to fourteen array operations that make numbers the backward pass already made. Here, for a softmax with
 * {@code LossMCXENT} or a sigmoid with {@code LossBinaryXENT} (unweighted), the backward pass keeps the probabilities it
 * makes (the softmax in the projection's own array, which is the layer's; the sigmoid's steps as the loss function
 * takes them); the loss asked right after, for the same input, labels and iteration, is their terms in one loop
 * ({@link OutputLossTerms}) summed by libnd4j as the loss function sums its array — the same loss, bit for bit. Anything
 * else (a label or feature mask, weighted classes, dropout or weight noise on the layer, another loss, activation or
 * data type, a loss asked without that backward pass) runs DL4J's own code.
 */
public class LeanOutputLayerImpl extends org.deeplearning4j.nn.layers.OutputLayer {

    private enum Kind { SOFTMAX, SIGMOID }

    /** The probabilities of the last training backward pass, with what they were made from. */
    private record Kept(Kind kind, float[] probabilities, INDArray input, INDArray labels, int iteration) {
        boolean describes(INDArray in, INDArray y, int iter) {
            return input == in && labels == y && iteration == iter;
        }
    }

    private transient Kept kept;
    private transient float[] probabilities;
    private transient float[] labelValues;
    private transient float[] termValues;
    private transient INDArray terms;

    public LeanOutputLayerImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** The case this step's numbers are worked out for here, or null where DL4J's code runs. */
    private Kind kind() {
        org.deeplearning4j.nn.conf.layers.OutputLayer c = layerConf();
        if (c.getIDropout() != null || c.getWeightNoise() != null || maskArray != null || labels == null
                || !HostArrays.direct(input) || !HostArrays.direct(labels) || input.rank() != 2 || labels.rank() != 2) {
            return null;
        }
        ILossFunction loss = c.getLossFn();
        IActivation activation = c.getActivationFn();
        if (loss != null && loss.getClass() == LossMCXENT.class && ((LossMCXENT) loss).getWeights() == null
                && activation instanceof ActivationSoftmax) {
            return Kind.SOFTMAX;
        }
        if (loss != null && loss.getClass() == LossBinaryXENT.class && ((LossBinaryXENT) loss).getWeights() == null
                && activation instanceof ActivationSigmoid) {
            return Kind.SIGMOID;
        }
        return null;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        kept = null;
        Kind kind = kind();
        if (kind == null) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        assertInputSet(true);
        INDArray preOut = preOutput2d(true, workspaceMgr);
        INDArray y = getLabels2d(workspaceMgr, ArrayType.BP_WORKING_MEM);
        if (!y.equalShapes(preOut)) {
            return super.backpropGradient(epsilon, workspaceMgr); // DL4J's message for labels of another shape
        }
        INDArray delta = kind == Kind.SOFTMAX ? softmaxDelta(preOut, y) : sigmoidDelta(preOut, y);
        kept = new Kept(kind, probabilities, input, labels, getIterationCount());

        // from here as BaseOutputLayer's backward pass
        Gradient gradient = new DefaultGradient();
        INDArray weightGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        Nd4j.gemm(input.castTo(weightGrad.dataType()), delta, weightGrad, true, false, 1.0, 0.0);
        gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGrad);
        if (hasBias()) {
            INDArray biasGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
            delta.sum(biasGrad, 0);
            gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGrad);
        }
        delta = workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, delta);
        INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, true, workspaceMgr);
        INDArray epsilonNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(),
                new long[] {w.size(0), delta.size(0)}, 'f');
        epsilonNext = w.mmuli(delta.transpose(), epsilonNext).transpose();
        epsilonNext = backpropDropOutIfPresent(epsilonNext);
        return new Pair<>(gradient, epsilonNext);
    }

    /** As LossMCXENT.computeGradient: softmax(z) − y, the softmax taken in z's own array (made for this pass alone). */
    private INDArray softmaxDelta(INDArray preOut, INDArray y) {
        INDArray output = layerConf().getActivationFn().getActivation(preOut, true);
        probabilities = HostArrays.read(output, probabilities);
        return output.subi(y);
    }

    /** As LossBinaryXENT.computeGradient: σ of a copy of z, clipped; dL/dσ = (σ − y) / (σ (1 − σ)); back through σ. */
    private INDArray sigmoidDelta(INDArray preOut, INDArray y) {
        IActivation sigmoid = layerConf().getActivationFn();
        INDArray output = sigmoid.getActivation(preOut.dup(), true);
        double clip = ((LossBinaryXENT) layerConf().getLossFn()).getClipEps();
        if (clip > 0.0) {
            CustomOp op = DynamicCustomOp.builder("clipbyvalue").addInputs(output).callInplace(true)
                    .addFloatingPointArguments(clip, 1.0 - clip).build();
            Nd4j.getExecutioner().execAndReturn(op);
        }
        probabilities = HostArrays.read(output, probabilities);
        INDArray numerator = output.sub(y);
        INDArray denominator = Nd4j.getExecutioner().exec(new TimesOneMinus(output));
        INDArray dLda = numerator.divi(denominator);
        return sigmoid.backprop(preOut, dLda).getFirst();
    }

    /** The training loss, from the backward pass's probabilities where it is asked for the same numbers. */
    @Override
    public double computeScore(double fullNetRegTerm, boolean training, LayerWorkspaceMgr workspaceMgr) {
        Kept k = kept;
        kept = null; // used once: the next step makes its own
        if (!training || k == null || kind() != k.kind() || !k.describes(input, labels, getIterationCount())) {
            return super.computeScore(fullNetRegTerm, training, workspaceMgr);
        }
        labelValues = HostArrays.read(labels, labelValues);
        int n = (int) labels.length();
        termValues = HostArrays.grow(termValues, n);
        if (k.kind() == Kind.SOFTMAX) {
            OutputLossTerms.softmax(k.probabilities(), labelValues, n,
                    ((LossMCXENT) layerConf().getLossFn()).getSoftmaxClipEps(), termValues);
        } else {
            OutputLossTerms.sigmoid(k.probabilities(), labelValues, n, termValues);
        }
        // summed by libnd4j as the loss function sums its array of terms (same shape, same order, same threads)
        double score = -HostArrays.write(termValues, terms(labels.shape())).sumNumber().doubleValue();
        // as BaseOutputLayer.computeScore
        if (conf().isMiniBatch()) {
            score /= getInputMiniBatchSize();
        }
        score += fullNetRegTerm;
        this.score = score;
        return score;
    }

    /** The array the loss's terms are summed in, kept between steps outside DL4J's workspaces. */
    private INDArray terms(long[] shape) {
        if (terms == null || !java.util.Arrays.equals(terms.shape(), shape)) {
            try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                terms = Nd4j.createUninitialized(DataType.FLOAT, shape, 'c');
            }
        }
        return terms;
    }

    @Override
    public void clear() {
        super.clear();
        kept = null;
    }
}
