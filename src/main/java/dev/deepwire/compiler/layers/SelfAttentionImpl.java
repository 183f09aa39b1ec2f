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

/**
 * The running {@link SelfAttention}. Per head: {@code S = Q Kᵀ / √hs} (masked keys get −10⁹),
 * {@code A = softmax(S)} over keys, {@code O = A V}; heads concatenated and projected by {@code Wo}.
 */
public final class SelfAttentionImpl extends BaseLayer<SelfAttention> {

    private final ForwardCache<Forward> kept = new ForwardCache<>();
    private final ForwardCache<AttentionRows.Forward> keptRows = new ForwardCache<>();
    private final KeySoftmax softmax = new KeySoftmax();

    public SelfAttentionImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public void clear() {
        super.clear();
        kept.clear();
        keptRows.clear();
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    /** Everything the forward pass computes that the backward pass needs. */
    private record Forward(INDArray rows, INDArray q, INDArray k, INDArray v, INDArray weights, INDArray concat) {
    }

    private long b() {
        return input.size(0);
    }

    private long t() {
        return input.size(2);
    }

    /** A projection's weights as [heads·hs, d]. */
    private INDArray flat(String key) {
        INDArray w = getParam(key);
        return w.reshape('c', w.size(0) * w.size(1), w.size(2));
    }

    /** [b·T, heads·hs] → [b, heads, T, hs]. */
    private INDArray split(INDArray all) {
        long h = layerConf().getHeads();
        return all.reshape('c', b(), t(), h, layerConf().headSize()).permute(0, 2, 1, 3).dup('c');
    }

    /** [b, heads, T, hs] → [b·T, heads·hs]. */
    private INDArray join(INDArray perHead) {
        return perHead.permute(0, 2, 1, 3).dup('c').reshape('c', b() * t(), layerConf().getHeads() * layerConf().headSize());
    }

    private Forward forward() {
        INDArray x = SequenceRows.rows(input);
        INDArray q = split(MatrixProducts.mulT(x, flat(SelfAttention.WQ)));
        INDArray k = split(MatrixProducts.mulT(x, flat(SelfAttention.WK)));
        INDArray v = split(MatrixProducts.mulT(x, flat(SelfAttention.WV)));
        // Keys at padded positions get no weight (their scores lowered by 10⁹ before the softmax).
        INDArray s = AttentionProducts.weights(q, k, 1.0 / Math.sqrt(layerConf().headSize()), maskArray);
        INDArray o = AttentionProducts.outputs(s, v);
        return new Forward(x, q, k, v, s, join(o));
    }

    /** The row-wise pass with few, large BLAS calls, when the arrays allow it (else null). */
    private AttentionRows onRows() {
        INDArray wq = getParam(SelfAttention.WQ);
        boolean fits = StridedGemm.usable(input, wq, getParam(SelfAttention.WO))
                && AttentionRows.adjacent(wq, getParam(SelfAttention.WK), getParam(SelfAttention.WV))
                && (gradientViews == null || AttentionRows.adjacent(gradientViews.get(SelfAttention.WQ),
                        gradientViews.get(SelfAttention.WK), gradientViews.get(SelfAttention.WV)));
        int t = (int) t();
        return fits ? new AttentionRows((int) b(), t, t, layerConf().getHeads(), (int) layerConf().headSize(), softmax) : null;
    }

    private AttentionRows.Forward forwardOnRows(AttentionRows rows) {
        return rows.self(SequenceRows.rows(input), getParam(SelfAttention.WQ), maskArray);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        AttentionRows onRows = onRows();
        INDArray concat = onRows != null ? keptRows.compute(training, mgr, () -> forwardOnRows(onRows), input).concat()
                : kept.compute(training, mgr, this::forward, input).concat();
        return SequenceRows.product(concat, getParam(SelfAttention.WO), false, b(), t(), ArrayType.ACTIVATIONS, mgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        AttentionRows onRows = onRows();
        if (onRows != null && StridedGemm.usable(epsilon, input)) {
            AttentionRows.Forward f = keptRows.take(() -> forwardOnRows(onRows), input);
            INDArray dx = onRows.selfBackward(f, SequenceRows.rows(epsilon), getParam(SelfAttention.WQ),
                    getParam(SelfAttention.WO), gradientViews.get(SelfAttention.WQ), gradientViews.get(SelfAttention.WO),
                    mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, epsilon.dataType(), input.shape(), 'c'));
            Gradient g = new DefaultGradient();
            for (String key : new String[] {SelfAttention.WQ, SelfAttention.WK, SelfAttention.WV, SelfAttention.WO}) {
                g.gradientForVariable().put(key, gradientViews.get(key));
            }
            return new Pair<>(g, dx);
        }
        Forward f = kept.take(this::forward, input);
        INDArray dy = SequenceRows.rows(epsilon);
        gradientViews.get(SelfAttention.WO).assign(MatrixProducts.tMul(f.concat(), dy));
        INDArray dO = split(MatrixProducts.mulT(dy, getParam(SelfAttention.WO)));
        INDArray a = f.weights();
        INDArray dA = BatchedGemm.matmul(dO, f.v(), false, true);
        INDArray dV = BatchedGemm.matmul(a, dO, true, false);
        INDArray dS = dA.subi(dA.mul(a).sum(true, 3)).muli(a).muli(1.0 / Math.sqrt(layerConf().headSize()));
        INDArray dQ = join(BatchedGemm.matmul(dS, f.k(), false, false));
        INDArray dK = join(BatchedGemm.matmul(dS, f.q(), true, false));
        INDArray dVr = join(dV);
        INDArray dx = MatrixProducts.mul(dQ, flat(SelfAttention.WQ)).addi(MatrixProducts.mul(dK, flat(SelfAttention.WK))).addi(MatrixProducts.mul(dVr, flat(SelfAttention.WV)));
        assignGradient(SelfAttention.WQ, MatrixProducts.tMul(dQ, f.rows()));
        assignGradient(SelfAttention.WK, MatrixProducts.tMul(dK, f.rows()));
        assignGradient(SelfAttention.WV, MatrixProducts.tMul(dVr, f.rows()));
        Gradient g = new DefaultGradient();
        for (String key : new String[] {SelfAttention.WQ, SelfAttention.WK, SelfAttention.WV, SelfAttention.WO}) {
            g.gradientForVariable().put(key, gradientViews.get(key));
        }
        return new Pair<>(g, SequenceRows.sequence(dx, b(), t(), ArrayType.ACTIVATION_GRAD, mgr));
    }

    /** Writes a [heads·hs, d] gradient into the [heads, hs, d] gradient view. */
    private void assignGradient(String key, INDArray flatGradient) {
        INDArray view = gradientViews.get(key);
        view.assign(flatGradient.reshape('c', view.shape()));
    }
}
