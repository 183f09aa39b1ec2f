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

/** The running side shared by the {@link EmbeddingTable}s: the lookup of the current ids and the table's gradient. */
abstract class EmbeddingTableImpl<T extends EmbeddingTable> extends BaseLayer<T> {
    private final Lookup.Kept kept = new Lookup.Kept();

    EmbeddingTableImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** What the block is called in messages about bad ids, e.g. "token embedding". */
    abstract String kind();

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    private Lookup lookup() {
        return kept.of(input, layerConf().getRows(), dataType, kind() + " " + layerId());
    }

    /** The table's rows for every id of the input, in row-major order, as a new [ids, size] activation. */
    INDArray lookedUp(LayerWorkspaceMgr mgr) {
        INDArray table = getParam(EmbeddingTable.TABLE);
        INDArray rows = mgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, new long[] {input.length(), table.size(1)}, 'c');
        lookup().rows(table, rows);
        return rows;
    }

    /** The table's gradient from the gradient of the looked-up rows [ids, size]; ids take none. */
    Pair<Gradient, INDArray> tableGradient(INDArray rows) {
        INDArray grad = gradientViews.get(EmbeddingTable.TABLE);
        lookup().gradient(rows, grad);
        Gradient g = new DefaultGradient();
        g.gradientForVariable().put(EmbeddingTable.TABLE, grad);
        return new Pair<>(g, null);
    }

    @Override
    public void clear() {
        super.clear();
        kept.clear();
    }
}
