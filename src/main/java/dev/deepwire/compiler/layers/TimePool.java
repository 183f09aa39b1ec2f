package dev.deepwire.compiler.layers;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.MaskedReductionUtil;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mean or max over time of an NCW sequence, masked positions left out, {@code [b, f, T] → [b, f]}: what DL4J's
 * {@code GlobalPoolingLayer} computes, with its figures, but on float arrays of the CPU backend as Java loops
 * ({@link TimePoolKernel}). DL4J's masked backward is three broadcast ops on a column-major array (0.9 ms of
 * word-language's 20 ms step at [128, 64, 16]); its unmasked one makes the same array. Other data types (the gradient
 * checks run in double) and other backends take DL4J's own routine ({@link MaskedReductionUtil}), which the loops
 * are tested against. No parameters. A sequence whose positions are all masked pools to NaN (mean) or −∞ (max), as
 * in DL4J.
 */
public class TimePool extends SequenceToVector implements JavaExpressible {
    private boolean max;

    public TimePool() {
        // for JSON
    }

    /** {@code max}: the largest value over time; else the mean. */
    public TimePool(boolean max) {
        this.max = max;
    }

    public boolean isMax() {
        return max;
    }

    public void setMax(boolean max) {
        this.max = max;
    }

    /** Two configurations are equal only if they pool the same way (the parent's equality knows no {@code max}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof TimePool p && p.max == max && super.equals(o);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Boolean.hashCode(max);
    }

    @Override
    protected BaseLayer<?> create(NeuralNetConfiguration conf, DataType dataType) {
        return new Impl(conf, dataType);
    }

    @Override
    public String javaExpression() {
        return "new TimePool(" + max + ")";
    }

    /** The running layer. */
    public static final class Impl extends BaseLayer<TimePool> {
        /** Per (example, feature), the position the max took (host path), for the backward pass. */
        private int[] argMax = new int[0];
        private float[] in = new float[0];
        private float[] weights = new float[0];
        private float[] eps = new float[0];
        private float[] dx = new float[0];
        private float[] out = new float[0];

        Impl(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        public boolean isPretrainLayer() {
            return false;
        }

        private PoolingType pooling() {
            return layerConf().isMax() ? PoolingType.MAX : PoolingType.AVG;
        }

        /** The mask in the input's data type, or all ones where there is none (for DL4J's routine). */
        private INDArray maskOrOnes(int b, int t) {
            return (maskArray != null ? maskArray : Nd4j.ones(input.dataType(), b, t)).castTo(input.dataType());
        }

        /** The mask as floats [b, T] into {@link #weights}, all ones where there is none. */
        private void readMask(int b, int t) {
            weights = HostArrays.grow(weights, b * t);
            if (maskArray == null) {
                java.util.Arrays.fill(weights, 0, b * t, 1f);
            } else {
                INDArray m = maskArray.dataType() == DataType.FLOAT ? maskArray : maskArray.castTo(DataType.FLOAT);
                weights = HostArrays.read(m.reshape(b, t), weights);
            }
        }

        /**
         * The pooled input into {@link #out}; leaves the mean's weights (mask / count) in {@link #weights}, or the
         * max's positions in {@link #argMax}.
         */
        private void pool(int b, int f, int t) {
            readMask(b, t);
            in = HostArrays.read(input, in);
            out = HostArrays.grow(out, b * f);
            if (layerConf().isMax()) {
                argMax = HostArrays.grow(argMax, b * f);
                TimePoolKernel.max(in, weights, b, f, t, out, argMax);
            } else {
                TimePoolKernel.meanWeights(weights, b, t);
                TimePoolKernel.mean(in, weights, b, f, t, out);
            }
        }

        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
            assertInputSet(false);
            if (input.rank() != 3) {
                throw new IllegalArgumentException("pool over time " + layerId() + " takes a sequence [batch, features, time]; got "
                        + java.util.Arrays.toString(input.shape()));
            }
            int b = (int) input.size(0);
            int f = (int) input.size(1);
            int t = (int) input.size(2);
            if (!HostArrays.direct(input)) {
                return mgr.leverageTo(ArrayType.ACTIVATIONS,
                        MaskedReductionUtil.maskedPoolingTimeSeries(pooling(), input, maskOrOnes(b, t), 0, input.dataType()));
            }
            pool(b, f, t);
            INDArray result = mgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, new long[] {b, f}, 'c');
            return HostArrays.write(out, result);
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
            assertInputSet(true);
            int b = (int) input.size(0);
            int f = (int) input.size(1);
            int t = (int) input.size(2);
            if (!HostArrays.direct(input) || !HostArrays.direct(epsilon)) {
                INDArray dx = MaskedReductionUtil.maskedPoolingEpsilonTimeSeries(pooling(), input, maskOrOnes(b, t), epsilon, 0);
                return new Pair<>(new DefaultGradient(), mgr.leverageTo(ArrayType.ACTIVATION_GRAD, dx));
            }
            // The max's positions (max) or the mask's weights (mean) again, from this input: never another step's.
            if (layerConf().isMax()) {
                pool(b, f, t);
            } else {
                readMask(b, t);
                TimePoolKernel.meanWeights(weights, b, t);
            }
            eps = HostArrays.read(epsilon, eps);
            dx = HostArrays.grow(dx, b * f * t);
            if (layerConf().isMax()) {
                TimePoolKernel.maxBackward(eps, argMax, b * f, t, dx);
            } else {
                TimePoolKernel.meanBackward(eps, weights, b, f, t, dx);
            }
            INDArray result = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, input.shape(), 'c');
            return new Pair<>(new DefaultGradient(), HostArrays.write(dx, result));
        }

        @Override
        public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray mask, MaskState state, int minibatch) {
            this.maskArray = mask;
            return null; // one vector per example: nothing left to mask
        }
    }
}
