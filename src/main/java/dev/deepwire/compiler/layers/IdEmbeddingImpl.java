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

/** The running {@link IdEmbedding}: {@code y[i] = W[id[i]]}; ids take no gradient. */
public final class IdEmbeddingImpl extends BaseLayer<IdEmbedding> {

    public IdEmbeddingImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    private final Lookup.Kept kept = new Lookup.Kept();

    private Lookup lookup() {
        return kept.of(input, layerConf().getCount(), dataType, "embedding " + layerId());
    }

    @Override
    public void clear() {
        super.clear();
        kept.clear();
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        INDArray table = getParam(IdEmbedding.TABLE);
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, new long[] {input.size(0), table.size(1)}, 'c');
        lookup().rows(table, out);
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        INDArray grad = gradientViews.get(IdEmbedding.TABLE);
        lookup().gradient(epsilon.dup('c'), grad);
        Gradient g = new DefaultGradient();
        g.gradientForVariable().put(IdEmbedding.TABLE, grad);
        return new Pair<>(g, null);
    }
}
