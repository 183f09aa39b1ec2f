package dev.deepwire.compiler.layers;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The transformer's feed-forward network at every position of an NCW sequence, {@code W₂ φ(W₁x + b₁) + b₂},
 * written by hand (two matrix products over all positions at once, forward and backward).
 */
public class FeedForward extends HandWrittenLayer implements JavaExpressible {
    public static final String W1 = "W1";
    public static final String B1 = "b1";
    public static final String W2 = "W2";
    public static final String B2 = "b2";

    private long size;
    private long hidden;
    private String activation;

    public FeedForward() {
        // for JSON
    }

    public FeedForward(long size, long hidden, String activation) {
        this.size = size;
        this.hidden = hidden;
        this.activation = activation;
    }

    public long getSize() {
        return size;
    }

    public void setSize(long size) {
        this.size = size;
    }

    public long getHidden() {
        return hidden;
    }

    public void setHidden(long hidden) {
        this.hidden = hidden;
    }

    public String getActivation() {
        return activation;
    }

    public void setActivation(String activation) {
        this.activation = activation;
    }

    @Override
    protected BaseLayer<?> create(NeuralNetConfiguration conf, DataType dataType) {
        return new FeedForwardImpl(conf, dataType);
    }

    @Override
    public String javaExpression() {
        return "new FeedForward(" + size + "L, " + hidden + "L, \"" + activation + "\")";
    }

    @Override
    public ParamInitializer initializer() {
        return Params.INSTANCE;
    }

    /** W1 [d, h], b1 [1, h], W2 [h, d], b2 [1, d]; weights Xavier-uniform, biases zero. */
    static final class Params extends NamedParams {
        static final Params INSTANCE = new Params();

        @Override
        String[] names(Layer layer) {
            return new String[] {W1, B1, W2, B2};
        }

        @Override
        long[][] shapes(Layer layer) {
            FeedForward f = (FeedForward) layer;
            return new long[][] {{f.size, f.hidden}, {1, f.hidden}, {f.hidden, f.size}, {1, f.size}};
        }

        @Override
        List<String> biases(Layer layer) {
            return List.of(B1, B2);
        }

        @Override
        void initialize(Layer layer, Map<String, INDArray> p) {
            FeedForward f = (FeedForward) layer;
            Inits.xavierUniform(p.get(W1), f.size, f.hidden);
            Inits.xavierUniform(p.get(W2), f.hidden, f.size);
            p.get(B1).assign(0);
            p.get(B2).assign(0);
        }
    }
}
