package dev.deepwire.compiler.layers;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The transformer's feed-forward network at every position of an NCW sequence, {@code W₂ φ(W₁x + b₁) + b₂},
 * written by hand (two matrix products over all positions at once, forward and backward).
 */
public class FeedForward extends HandWrittenLayer {
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
    protected org.deeplearning4j.nn.layers.BaseLayer<?> create(NeuralNetConfiguration conf, DataType dataType) {
        return new FeedForwardImpl(conf, dataType);
    }

    @Override
    public ParamInitializer initializer() {
        return Params.INSTANCE;
    }

    /** W1 [d, h], b1 [1, h], W2 [h, d], b2 [1, d]; weights Xavier-uniform, biases zero. */
    static final class Params implements ParamInitializer {
        static final Params INSTANCE = new Params();
        private static final String[] NAMES = {W1, B1, W2, B2};

        private static FeedForward of(Layer l) {
            return (FeedForward) l;
        }

        private static long[][] shapes(FeedForward f) {
            return new long[][] {{f.size, f.hidden}, {1, f.hidden}, {f.hidden, f.size}, {1, f.size}};
        }

        @Override
        public long numParams(NeuralNetConfiguration conf) {
            return numParams(conf.getLayer());
        }

        @Override
        public long numParams(Layer layer) {
            FeedForward f = of(layer);
            return f.size * f.hidden + f.hidden + f.hidden * f.size + f.size;
        }

        @Override
        public List<String> paramKeys(Layer layer) {
            return List.of(NAMES);
        }

        @Override
        public List<String> weightKeys(Layer layer) {
            return List.of(W1, W2);
        }

        @Override
        public List<String> biasKeys(Layer layer) {
            return List.of(B1, B2);
        }

        @Override
        public boolean isWeightParam(Layer layer, String key) {
            return W1.equals(key) || W2.equals(key);
        }

        @Override
        public boolean isBiasParam(Layer layer, String key) {
            return B1.equals(key) || B2.equals(key);
        }

        @Override
        public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray view, boolean initialize) {
            FeedForward f = of(conf.getLayer());
            Map<String, INDArray> p = ParamSlices.split(view, NAMES, shapes(f));
            if (initialize) {
                Inits.xavierUniform(p.get(W1), f.size, f.hidden);
                Inits.xavierUniform(p.get(W2), f.hidden, f.size);
                p.get(B1).assign(0);
                p.get(B2).assign(0);
            }
            return p;
        }

        @Override
        public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray view) {
            return ParamSlices.split(view, NAMES, shapes(of(conf.getLayer())));
        }
    }
}
