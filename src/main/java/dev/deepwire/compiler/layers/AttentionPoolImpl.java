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
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The running {@link AttentionPool}. Per head: {@code s = K q / √hs} over positions (masked ones −10⁹),
 * {@code a = softmax(s)}, {@code o = aᵀ V}; heads concatenated and projected by {@code Wo}.
 */
public final class AttentionPoolImpl extends BaseLayer<AttentionPool> {

    public AttentionPoolImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    private record Forward(INDArray rows, INDArray k, INDArray v, INDArray query, INDArray weights, INDArray concat) {
    }

    private long b() {
        return input.size(0);
    }

    private long t() {
        return input.size(2);
    }

    private long h() {
        return layerConf().getHeads();
    }

    private long hs() {
        return layerConf().headSize();
    }

    private INDArray flat(String key) {
        INDArray w = getParam(key);
        return w.reshape('c', w.size(0) * w.size(1), w.size(2));
    }

    /** [b·T, heads·hs] → [b, heads, T, hs]. */
    private INDArray split(INDArray all) {
        return all.reshape('c', b(), t(), h(), hs()).permute(0, 2, 1, 3).dup('c');
    }

    /** [b, heads, T, hs] → [b·T, heads·hs]. */
    private INDArray join(INDArray perHead) {
        return perHead.permute(0, 2, 1, 3).dup('c').reshape('c', b() * t(), h() * hs());
    }

    private Forward forward() {
        INDArray x = SequenceRows.rows(input);
        INDArray k = split(MatrixProducts.mulT(x, flat(AttentionPool.WK)));
        INDArray v = split(MatrixProducts.mulT(x, flat(AttentionPool.WV)));
        INDArray query = getParam(AttentionPool.Q).reshape('c', 1, h(), hs(), 1).broadcast(b(), h(), hs(), 1).dup('c');
        INDArray s = BatchedGemm.matmul(k, query, false, false).muli(1.0 / Math.sqrt(hs())); // [b, H, T, 1]
        if (maskArray != null) {
            s.addi(maskArray.castTo(s.dataType()).sub(1.0).muli(1e9).reshape(b(), 1, t(), 1));
        }
        Nd4j.exec(new SoftMax(s, s, 2));
        INDArray o = BatchedGemm.matmul(s, v, true, false); // [b, H, 1, hs]
        return new Forward(x, k, v, query, s, o.reshape('c', b(), h() * hs()));
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        INDArray y = MatrixProducts.mul(forward().concat(), getParam(AttentionPool.WO));
        return mgr.leverageTo(ArrayType.ACTIVATIONS, y);
    }

    /** Weights per head and position, [b, heads, T], for the inspector. */
    public INDArray attentionWeights() {
        return forward().weights().reshape('c', b(), h(), t());
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        Forward f = forward();
        gradientViews.get(AttentionPool.WO).assign(MatrixProducts.tMul(f.concat(), epsilon));
        INDArray dO = MatrixProducts.mulT(epsilon, getParam(AttentionPool.WO)).reshape('c', b(), h(), 1, hs());
        INDArray a = f.weights();
        INDArray dA = BatchedGemm.matmul(f.v(), dO, false, true); // [b, H, T, 1]
        INDArray dV = BatchedGemm.matmul(a, dO, false, false); // [b, H, T, hs]
        INDArray dS = dA.subi(dA.mul(a).sum(true, 2)).muli(a).muli(1.0 / Math.sqrt(hs()));
        INDArray dK = BatchedGemm.matmul(dS, f.query(), false, true); // [b, H, T, hs]
        INDArray dQ = BatchedGemm.matmul(f.k(), dS, true, false).sum(0); // [H, hs, 1]
        gradientViews.get(AttentionPool.Q).assign(dQ.reshape('c', h(), hs()));
        INDArray dKr = join(dK);
        INDArray dVr = join(dV);
        INDArray dx = MatrixProducts.mul(dKr, flat(AttentionPool.WK)).addi(MatrixProducts.mul(dVr, flat(AttentionPool.WV)));
        assign(AttentionPool.WK, MatrixProducts.tMul(dKr, f.rows()));
        assign(AttentionPool.WV, MatrixProducts.tMul(dVr, f.rows()));
        Gradient g = new DefaultGradient();
        for (String key : new String[] {AttentionPool.Q, AttentionPool.WK, AttentionPool.WV, AttentionPool.WO}) {
            g.gradientForVariable().put(key, gradientViews.get(key));
        }
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dx.dataType(), input.shape(), 'c');
        out.assign(dx.reshape('c', b(), t(), input.size(1)).permute(0, 2, 1));
        return new Pair<>(g, out);
    }

    private void assign(String key, INDArray flatGradient) {
        INDArray view = gradientViews.get(key);
        view.assign(flatGradient.reshape('c', view.shape()));
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray mask, MaskState state, int minibatch) {
        this.maskArray = mask;
        return null; // one vector per example: no mask after pooling
    }
}
