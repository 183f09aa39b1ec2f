package dev.deepwire.compiler.layers;

import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Looks up a vector per id: ids {@code [b, 1]} → {@code [b, d]} from a table {@code W [V, d]} (entities,
 * relations). Written by hand ({@link Lookup}) in place of DL4J's {@code EmbeddingLayer}, whose strided
 * gather and scatter took a third of a wordnet-links training step; initialised with the same numbers.
 */
public class IdEmbedding extends HandWrittenLayer implements JavaExpressible {
    public static final String TABLE = "W";

    private long count;
    private long size;

    public IdEmbedding() {
        // for JSON
    }

    public IdEmbedding(long count, long size) {
        this.count = count;
        this.size = size;
    }

    public long getCount() {
        return count;
    }

    public void setCount(long count) {
        this.count = count;
    }

    public long getSize() {
        return size;
    }

    public void setSize(long size) {
        this.size = size;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(size);
    }

    @Override
    protected org.deeplearning4j.nn.layers.BaseLayer<?> create(NeuralNetConfiguration conf, DataType dataType) {
        return new IdEmbeddingImpl(conf, dataType);
    }

    @Override
    public String javaExpression() {
        return "new IdEmbedding(" + count + "L, " + size + "L)";
    }

    @Override
    public ParamInitializer initializer() {
        return Params.INSTANCE;
    }

    /** The table, drawn by the network's weight initialisation as DL4J's EmbeddingLayer draws it. */
    static final class Params extends NamedParams {
        static final Params INSTANCE = new Params();

        @Override
        String[] names(Layer layer) {
            return new String[] {TABLE};
        }

        @Override
        long[][] shapes(Layer layer) {
            IdEmbedding e = (IdEmbedding) layer;
            return new long[][] {{e.count, e.size}};
        }

        @Override
        void initialize(Layer layer, Map<String, INDArray> params) {
            IdEmbedding e = (IdEmbedding) layer;
            INDArray table = params.get(TABLE);
            INDArray flat = org.nd4j.linalg.factory.Nd4j.create(table.dataType(), table.length());
            // Fan-in 1 as in DL4J's EmbeddingLayerParamInitializer (the scale must not depend on the table size).
            table.assign(e.getWeightInitFn().init(1, e.size, table.shape(), 'f', flat));
        }
    }
}
