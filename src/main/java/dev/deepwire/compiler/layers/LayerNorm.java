package dev.deepwire.compiler.layers;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Layer normalisation over the feature dimension (1) of vectors {@code [b, d]} or NCW sequences
 * {@code [b, d, T]}, with learned gain and bias. Written by hand on ND4J arrays rather than as a SameDiff
 * layer: a handful of array operations per pass instead of a SameDiff session (see docs/performance.md),
 * and no doubled gradient to correct. Gradient-checked like every block.
 */
public class LayerNorm extends HandWrittenLayer implements JavaExpressible {
    private long size;
    private double epsilon;

    public LayerNorm() {
        // for JSON
    }

    public LayerNorm(long size, double epsilon) {
        this.size = size;
        this.epsilon = epsilon;
    }

    public long size() {
        return size;
    }

    public double epsilon() {
        return epsilon;
    }

    // Bean accessors: DL4J's JSON (model.zip, configuration JSON) reads and writes these properties.
    public long getSize() {
        return size;
    }

    public void setSize(long size) {
        this.size = size;
    }

    public double getEpsilon() {
        return epsilon;
    }

    public void setEpsilon(double epsilon) {
        this.epsilon = epsilon;
    }

    @Override
    protected BaseLayer<?> create(NeuralNetConfiguration conf, DataType dataType) {
        return new LayerNormImpl(conf, dataType);
    }

    @Override
    public String javaExpression() {
        return "new LayerNorm(" + size + "L, " + JavaExpressible.d(epsilon) + ")";
    }

    @Override
    public ParamInitializer initializer() {
        return LayerNormParams.INSTANCE;
    }
}
