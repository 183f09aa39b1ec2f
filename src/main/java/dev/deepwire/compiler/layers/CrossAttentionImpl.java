package dev.deepwire.compiler.layers;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.api.TrainingConfig;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.BaseGraphVertex;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The running {@link CrossAttention}. Per head: {@code S = Q Kᵀ / √hs} (padded keys get −10⁹),
 * {@code A = softmax(S)} over keys, {@code O = A V}; heads concatenated, projected by {@code Wo}, and zeroed at
 * padded query positions.
 */
public final class CrossAttentionImpl extends BaseGraphVertex {
    private static final String[] NAMES = {CrossAttention.WQ, CrossAttention.WK, CrossAttention.WV, CrossAttention.WO};
    private final CrossAttention conf;
    private final INDArray params;
    private final Map<String, INDArray> views;
    private INDArray gradients;
    private Map<String, INDArray> gradientViews;
    private INDArray queryMask;
    private INDArray keyMask;
    private final ForwardCache<Forward> kept = new ForwardCache<>();
    private final ForwardCache<AttentionRows.Forward> keptRows = new ForwardCache<>();
    private final KeySoftmax softmax = new KeySoftmax();

    CrossAttentionImpl(ComputationGraph graph, String name, int index, CrossAttention conf, INDArray paramsView,
                       boolean initialize, DataType dataType) {
        super(graph, name, index, null, null, dataType);
        this.conf = conf;
        this.params = paramsView;
        this.views = split(paramsView);
        if (initialize) {
            long hs = conf.headSize();
            Inits.xavierUniform(views.get(CrossAttention.WQ), conf.getQueries(), hs);
            Inits.xavierUniform(views.get(CrossAttention.WK), conf.getKeys(), hs);
            Inits.xavierUniform(views.get(CrossAttention.WV), conf.getKeys(), hs);
            Inits.xavierUniform(views.get(CrossAttention.WO), conf.getHeads() * hs, conf.getQueries());
        }
    }

    /** Shaped views of a flat [1, n] parameter (or gradient) array, in the order Wq, Wk, Wv, Wo. */
    private Map<String, INDArray> split(INDArray flat) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        INDArray row = flat.rank() == 1 ? flat.reshape(1, flat.length()) : flat;
        long at = 0;
        long[][] shapes = conf.shapes();
        for (int i = 0; i < NAMES.length; i++) {
            long n = Arrays.stream(shapes[i]).reduce(1, (a, b) -> a * b);
            out.put(NAMES[i], row.get(NDArrayIndex.interval(0, 0, true), NDArrayIndex.interval(at, at + n)).reshape('c', shapes[i]));
            at += n;
        }
        return out;
    }

    @Override
    public String toString() {
        return "CrossAttention(" + vertexName + ")";
    }

    @Override
    public boolean hasLayer() {
        return false;
    }

    @Override
    public Layer getLayer() {
        return null;
    }

    @Override
    public TrainingConfig getConfig() {
        return conf;
    }

    @Override
    public INDArray params() {
        return params;
    }

    @Override
    public INDArray getGradientsViewArray() {
        return gradients;
    }

    @Override
    public Map<String, INDArray> paramTable(boolean backpropOnly) {
        return views;
    }

    @Override
    public void setBackpropGradientsViewArray(INDArray view) {
        gradients = view;
        gradientViews = split(view);
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] masks, MaskState state, int minibatch) {
        queryMask = masks == null ? null : masks[0];
        keyMask = masks == null || masks.length < 2 ? null : masks[1];
        return new Pair<>(queryMask, state);
    }

    @Override
    public void clearVertex() {
        clear();
        kept.clear();
        keptRows.clear();
        queryMask = null;
        keyMask = null;
    }

    private long hs() {
        return conf.headSize();
    }

    private int h() {
        return conf.getHeads();
    }

    /** [b·T, H·hs] → [b, H, T, hs]. */
    private INDArray split(INDArray all, long b, long t) {
        return all.reshape('c', b, t, h(), hs()).permute(0, 2, 1, 3).dup('c');
    }

    /** [b, H, T, hs] → [b·T, H·hs]. */
    private INDArray join(INDArray perHead, long b, long t) {
        return perHead.permute(0, 2, 1, 3).dup('c').reshape('c', b * t, h() * hs());
    }

    private INDArray flat(String key) {
        INDArray w = views.get(key);
        return w.reshape('c', w.size(0) * w.size(1), w.size(2));
    }

    private record Forward(INDArray xq, INDArray xk, INDArray q, INDArray k, INDArray v, INDArray weights, INDArray concat) {
    }

    private Forward forward() {
        INDArray queries = inputs[0];
        INDArray keys = inputs[1];
        long b = queries.size(0);
        long tq = queries.size(2);
        long tk = keys.size(2);
        INDArray xq = SequenceRows.rows(queries);
        INDArray xk = SequenceRows.rows(keys);
        INDArray q = split(MatrixProducts.mulT(xq, flat(CrossAttention.WQ)), b, tq);
        INDArray k = split(MatrixProducts.mulT(xk, flat(CrossAttention.WK)), b, tk);
        INDArray v = split(MatrixProducts.mulT(xk, flat(CrossAttention.WV)), b, tk);
        INDArray s = AttentionProducts.weights(q, k, 1.0 / Math.sqrt(hs()), keyMask);
        return new Forward(xq, xk, q, k, v, s, join(AttentionProducts.outputs(s, v), b, tq));
    }

    /** Multiplies [b, d, T] by the query mask [b, T] (padded query positions give and take nothing). */
    private INDArray maskQueries(INDArray x) {
        if (queryMask == null) {
            return x;
        }
        return Broadcast.mul(x, queryMask.castTo(x.dataType()).reshape(x.size(0), x.size(2)), x, 0, 2);
    }

    /** The row-wise pass with few, large BLAS calls, when the arrays allow it (else null). */
    private AttentionRows onRows() {
        boolean fits = StridedGemm.usable(inputs[0], inputs[1], views.get(CrossAttention.WQ), views.get(CrossAttention.WO))
                && AttentionRows.adjacent(views.get(CrossAttention.WK), views.get(CrossAttention.WV))
                && (gradientViews == null || AttentionRows.adjacent(gradientViews.get(CrossAttention.WK),
                        gradientViews.get(CrossAttention.WV)));
        return fits ? new AttentionRows((int) inputs[0].size(0), (int) inputs[0].size(2), (int) inputs[1].size(2), h(),
                (int) hs(), softmax) : null;
    }

    private AttentionRows.Forward forwardOnRows(AttentionRows rows) {
        return rows.cross(SequenceRows.rows(inputs[0]), SequenceRows.rows(inputs[1]), views.get(CrossAttention.WQ), views.get(CrossAttention.WK),
                keyMask);
    }

    @Override
    public INDArray doForward(boolean training, LayerWorkspaceMgr mgr) {
        if (!canDoForward()) {
            throw new IllegalStateException("cross-attention " + vertexName + ": inputs not set");
        }
        AttentionRows onRows = onRows();
        INDArray concat = onRows != null
                ? keptRows.compute(training, mgr, () -> forwardOnRows(onRows), inputs[0], inputs[1]).concat()
                : kept.compute(training, mgr, this::forward, inputs[0], inputs[1]).concat();
        return maskQueries(SequenceRows.product(concat, views.get(CrossAttention.WO), false, inputs[0].size(0),
                inputs[0].size(2), ArrayType.ACTIVATIONS, mgr));
    }

    @Override
    public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr mgr) {
        INDArray queries = inputs[0];
        INDArray keys = inputs[1];
        long b = queries.size(0);
        long tq = queries.size(2);
        long tk = keys.size(2);
        AttentionRows onRows = onRows();
        if (onRows != null && StridedGemm.usable(epsilon, queries)) {
            return backwardOnRows(onRows, mgr);
        }
        Forward f = kept.take(this::forward, inputs[0], inputs[1]);
        INDArray dy = SequenceRows.rows(maskQueries(epsilon.dup()));
        gradientViews.get(CrossAttention.WO).assign(MatrixProducts.tMul(f.concat(), dy));
        INDArray dO = split(MatrixProducts.mulT(dy, views.get(CrossAttention.WO)), b, tq);
        INDArray a = f.weights();
        INDArray dA = BatchedGemm.matmul(dO, f.v(), false, true);
        INDArray dV = BatchedGemm.matmul(a, dO, true, false);
        INDArray dS = dA.subi(dA.mul(a).sum(true, 3)).muli(a).muli(1.0 / Math.sqrt(hs()));
        INDArray dQ = join(BatchedGemm.matmul(dS, f.k(), false, false), b, tq);
        INDArray dK = join(BatchedGemm.matmul(dS, f.q(), true, false), b, tk);
        INDArray dVr = join(dV, b, tk);
        INDArray dxq = MatrixProducts.mul(dQ, flat(CrossAttention.WQ));
        INDArray dxk = MatrixProducts.mul(dK, flat(CrossAttention.WK)).addi(MatrixProducts.mul(dVr, flat(CrossAttention.WV)));
        assign(CrossAttention.WQ, MatrixProducts.tMul(dQ, f.xq()));
        assign(CrossAttention.WK, MatrixProducts.tMul(dK, f.xk()));
        assign(CrossAttention.WV, MatrixProducts.tMul(dVr, f.xk()));
        Gradient g = new DefaultGradient();
        for (String key : NAMES) {
            g.gradientForVariable().put(key, gradientViews.get(key));
        }
        return new Pair<>(g, new INDArray[] {SequenceRows.sequence(dxq, b, tq, ArrayType.ACTIVATION_GRAD, mgr),
                SequenceRows.sequence(dxk, b, tk, ArrayType.ACTIVATION_GRAD, mgr)});
    }

    private Pair<Gradient, INDArray[]> backwardOnRows(AttentionRows onRows, LayerWorkspaceMgr mgr) {
        AttentionRows.Forward f = keptRows.take(() -> forwardOnRows(onRows), inputs[0], inputs[1]);
        INDArray dy = SequenceRows.rows(maskQueries(epsilon.dup()));
        INDArray dConcat = onRows.output(f, dy, views.get(CrossAttention.WO), gradientViews.get(CrossAttention.WO));
        long hw = (long) h() * hs();
        INDArray dq = Nd4j.createUninitialized(dy.dataType(), f.xq().size(0), hw);
        INDArray dkv = Nd4j.createUninitialized(dy.dataType(), f.xk().size(0), 2 * hw);
        onRows.heads(f, dConcat, new StridedGemm.Block(dq, 0, (int) hw), new StridedGemm.Block(dkv, 0, (int) (2 * hw)),
                new StridedGemm.Block(dkv, hw, (int) (2 * hw)));
        INDArray dxq = onRows.unproject(dq, f.xq(), views.get(CrossAttention.WQ), gradientViews.get(CrossAttention.WQ),
                mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dy.dataType(), inputs[0].shape(), 'c'));
        INDArray dxk = onRows.unproject(dkv, f.xk(), views.get(CrossAttention.WK), gradientViews.get(CrossAttention.WK),
                mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dy.dataType(), inputs[1].shape(), 'c'));
        Gradient g = new DefaultGradient();
        for (String key : NAMES) {
            g.gradientForVariable().put(key, gradientViews.get(key));
        }
        return new Pair<>(g, new INDArray[] {dxq, dxk});
    }

    private void assign(String key, INDArray flatGradient) {
        INDArray view = gradientViews.get(key);
        view.assign(flatGradient.reshape('c', view.shape()));
    }

    @Override
    public void setLayerAsFrozen() {
        throw new UnsupportedOperationException("cross-attention cannot be frozen");
    }
}
