package dev.deepwire.compiler.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Looks up a vector per token: ids {@code [b, T]} → {@code [b, d, T]} from a table {@code W [V, d]}, padded
 * positions zeroed. Written by hand ({@link Lookup}): DL4J's {@code EmbeddingSequenceLayer} gathers and
 * scatters rows of a column-major table at about 0.7 µs per token (1 ms per marker step for the scatter
 * alone), where one-hot products with the table take a fifth of that.
 */
public class TokenEmbedding extends EmbeddingTable implements JavaExpressible {
    private long length;
    private double initScale;

    public TokenEmbedding() {
        // for JSON
    }

    public TokenEmbedding(long vocabulary, long size, long length, double initScale) {
        super(vocabulary, size);
        this.length = length;
        this.initScale = initScale;
    }

    public long getLength() {
        return length;
    }

    public void setLength(long length) {
        this.length = length;
    }

    public double getInitScale() {
        return initScale;
    }

    public void setInitScale(double initScale) {
        this.initScale = initScale;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.recurrent(getSize(), length);
    }

    @Override
    protected BaseLayer<?> create(NeuralNetConfiguration conf, DataType dataType) {
        return new TokenEmbeddingImpl(conf, dataType);
    }

    @Override
    public String javaExpression() {
        return "new TokenEmbedding(" + getRows() + "L, " + getSize() + "L, " + length + "L, " + JavaExpressible.d(initScale) + ")";
    }

    /** Normal with the block's initial scale, drawn as DL4J's EmbeddingSequenceLayer drew it. */
    @Override
    void initialise(INDArray table) {
        Inits.normalLikeDl4jTable(table, initScale);
    }
}
