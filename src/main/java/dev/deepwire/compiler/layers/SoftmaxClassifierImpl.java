package dev.deepwire.compiler.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * DL4J's output layer for a softmax classifier, less two of its passes in every training step. In a step DL4J's graph
 * runs the layer's backward pass (projection, softmax of a copy, less the labels) and then asks for the loss, for which
 * the layer projects its input again and {@code LossMCXENT} takes the softmax of another copy, clips it, takes its
 * logarithm, multiplies by the labels and sums: eleven array operations that make numbers the backward pass already
 * made. Here the backward pass takes the softmax in the projection's own array (the layer's, not the caller's) and
 * keeps the probabilities; the loss asked right after, for the same input, labels and iteration, is worked out from
 * them in one loop ({@link SoftmaxLossKernel}) and one sum — the same float operations, so the same loss.
 * Anything else (a label or feature mask, weighted classes, dropout or weight noise on the layer, another loss,
 * activation or data type, a loss asked without that backward pass) runs DL4J's own code.
 */
public class SoftmaxClassifierImpl extends org.deeplearning4j.nn.layers.OutputLayer {

    /** The probabilities of the last training backward pass, with what they were made from. */
    private record Kept(float[] probabilities, INDArray input, INDArray labels, int iteration) {
        boolean describes(INDArray in, INDArray y, int iter) {
            return input == in && labels == y && iteration == iter;
        }
    }

    private transient Kept kept;
    private transient float[] probabilities;
    private transient float[] labelValues;
    private transient float[] termValues;
    private transient INDArray terms;

    public SoftmaxClassifierImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Whether this step's numbers are the plain case worked out here (else DL4J's code runs). */
    private boolean plain() {
        org.deeplearning4j.nn.conf.layers.OutputLayer c = layerConf();
        return c.getLossFn() != null && c.getLossFn().getClass() == LossMCXENT.class
                && ((LossMCXENT) c.getLossFn()).getWeights() == null && c.getActivationFn() instanceof ActivationSoftmax
                && c.getIDropout() == null && c.getWeightNoise() == null && maskArray == null
                && HostArrays.direct(input) && labels != null && HostArrays.direct(labels)
                && input.rank() == 2 && labels.rank() == 2;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        kept = null;
        if (!plain()) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        assertInputSet(true);
        INDArray preOut = preOutput2d(true, workspaceMgr);
        INDArray y = getLabels2d(workspaceMgr, ArrayType.BP_WORKING_MEM);
        if (!y.equalShapes(preOut)) {
            return super.backpropGradient(epsilon, workspaceMgr); // DL4J's message for labels of another shape
        }
        // LossMCXENT.computeGradient: softmax(z) − y, the softmax taken in z's own array (made for this pass alone)
        INDArray delta = layerConf().getActivationFn().getActivation(preOut, true);
        probabilities = HostArrays.read(delta, probabilities);
        kept = new Kept(probabilities, input, labels, getIterationCount());
        delta.subi(y);

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
        this.gradient = gradient;
        return new Pair<>(gradient, epsilonNext);
    }

    /** The training loss, from the backward pass's probabilities where it is asked for the same numbers. */
    @Override
    public double computeScore(double fullNetRegTerm, boolean training, LayerWorkspaceMgr workspaceMgr) {
        Kept k = kept;
        kept = null; // used once: the next step makes its own
        if (!training || k == null || !plain() || !k.describes(input, labels, getIterationCount())) {
            return super.computeScore(fullNetRegTerm, training, workspaceMgr);
        }
        labelValues = HostArrays.read(labels, labelValues);
        int n = (int) labels.length();
        termValues = HostArrays.grow(termValues, n);
        SoftmaxLossKernel.terms(k.probabilities(), labelValues, n,
                ((LossMCXENT) layerConf().getLossFn()).getSoftmaxClipEps(), termValues);
        // summed by libnd4j as LossMCXENT sums its array of terms (same shape, same order, same threads)
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
