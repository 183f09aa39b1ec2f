package dev.deepwire.compiler.layers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The running {@link TokenEmbedding}: {@code rows = onehot(ids) · W}, {@code [b·T, d]} seen as {@code [b, d, T]};
 * backward {@code dW = onehot(ids)ᵀ · dy} (ids take no gradient).
 */
public final class TokenEmbeddingImpl extends BaseLayer<TokenEmbedding> {

    public TokenEmbeddingImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public Layer.Type type() {
        return Layer.Type.RECURRENT;
    }

    private long batch() {
        return input.size(0);
    }

    private long steps() {
        return input.length() / input.size(0);
    }

    private final Lookup.Kept kept = new Lookup.Kept();

    private Lookup lookup() {
        return kept.of(input, layerConf().getVocabulary(), dataType, "token embedding " + layerId());
    }

    @Override
    public void clear() {
        super.clear();
        kept.clear();
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        INDArray table = getParam(TokenEmbedding.TABLE);
        INDArray rows = mgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, new long[] {input.length(), table.size(1)}, 'c');
        lookup().rows(table, rows);
        INDArray out = rows.reshape('c', batch(), steps(), table.size(1)).permute(0, 2, 1);
        if (maskArray != null) {
            Broadcast.mul(out, maskArray.castTo(dataType).reshape(batch(), steps()), out, 0, 2);
        }
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        INDArray dy = epsilon;
        if (maskArray != null) {
            dy = Broadcast.mul(epsilon, maskArray.castTo(epsilon.dataType()).reshape(batch(), steps()), epsilon.ulike(), 0, 2);
        }
        INDArray rows = dy.permute(0, 2, 1).dup('c').reshape('c', input.length(), dy.size(1));
        INDArray grad = gradientViews.get(TokenEmbedding.TABLE);
        lookup().gradient(rows, grad);
        Gradient g = new DefaultGradient();
        g.gradientForVariable().put(TokenEmbedding.TABLE, grad);
        return new Pair<>(g, null);
    }
}
