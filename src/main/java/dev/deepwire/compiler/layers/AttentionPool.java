package dev.deepwire.compiler.layers;

import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Attention pooling with one learned query per head, written by hand: an NCW sequence {@code [b, d, T]}
 * (with its padding mask) becomes a vector {@code [b, d]}. DL4J's own {@code LearnedSelfAttentionLayer}
 * fails on forward in M2.1. Parameters: {@code q [heads, hs]}, {@code Wk, Wv [heads, hs, d]},
 * {@code Wo [heads·hs, d]}.
 */
public class AttentionPool extends HandWrittenLayer implements JavaExpressible {
    public static final String Q = "q";
    public static final String WK = "Wk";
    public static final String WV = "Wv";
    public static final String WO = "Wo";

    private long size;
    private int heads;

    public AttentionPool() {
        // for JSON
    }

    public AttentionPool(long size, int heads) {
        this.size = size;
        this.heads = heads;
    }

    public long getSize() {
        return size;
    }

    public void setSize(long size) {
        this.size = size;
    }

    public int getHeads() {
        return heads;
    }

    public void setHeads(int heads) {
        this.heads = heads;
    }

    public long headSize() {
        return size / heads;
    }

    @Override
    protected BaseLayer<?> create(NeuralNetConfiguration conf, DataType dataType) {
        return new AttentionPoolImpl(conf, dataType);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(size);
    }

    @Override
    public String javaExpression() {
        return "new AttentionPool(" + size + "L, " + heads + ")";
    }

    @Override
    public ParamInitializer initializer() {
        return Params.INSTANCE;
    }

    static final class Params extends NamedParams {
        static final Params INSTANCE = new Params();

        @Override
        String[] names(Layer layer) {
            return new String[] {Q, WK, WV, WO};
        }

        @Override
        long[][] shapes(Layer layer) {
            AttentionPool a = (AttentionPool) layer;
            long[] proj = {a.heads, a.headSize(), a.size};
            return new long[][] {{a.heads, a.headSize()}, proj, proj, {a.heads * a.headSize(), a.size}};
        }

        @Override
        void initialize(Layer layer, Map<String, INDArray> p) {
            AttentionPool a = (AttentionPool) layer;
            Inits.normal(p.get(Q), 1.0 / Math.sqrt(a.headSize()));
            Inits.xavierUniform(p.get(WK), a.size, a.headSize());
            Inits.xavierUniform(p.get(WV), a.size, a.headSize());
            Inits.xavierUniform(p.get(WO), a.heads * a.headSize(), a.size);
        }
    }
}
