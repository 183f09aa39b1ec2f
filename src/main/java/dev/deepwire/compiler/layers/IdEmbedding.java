package dev.deepwire.compiler.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Looks up a vector per id: ids {@code [b, 1]} → {@code [b, d]} from a table {@code W [V, d]} (entities,
 * relations). Written by hand ({@link Lookup}) in place of DL4J's {@code EmbeddingLayer}, whose strided
 * gather and scatter took a third of a wordnet-links training step; initialised with the same numbers.
 */
public class IdEmbedding extends EmbeddingTable implements JavaExpressible {

    public IdEmbedding() {
        // for JSON
    }

    public IdEmbedding(long count, long size) {
        super(count, size);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(getSize());
    }

    @Override
    protected BaseLayer<?> create(NeuralNetConfiguration conf, DataType dataType) {
        return new IdEmbeddingImpl(conf, dataType);
    }

    @Override
    public String javaExpression() {
        return "new IdEmbedding(" + getRows() + "L, " + getSize() + "L)";
    }

    /** Drawn by the network's weight initialisation as DL4J's EmbeddingLayer draws it. */
    @Override
    void initialise(INDArray table) {
        INDArray flat = Nd4j.create(table.dataType(), table.length());
        // Fan-in 1 as in DL4J's EmbeddingLayerParamInitializer (the scale must not depend on the table size).
        table.assign(getWeightInitFn().init(1, getSize(), table.shape(), 'f', flat));
    }
}
