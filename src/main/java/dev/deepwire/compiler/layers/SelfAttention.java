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
 * Multi-head scaled dot-product self-attention on NCW sequences {@code [b, d, T]}, honouring the padding mask,
 * written by hand (batched matrix products over all heads, forward and backward). Parameters follow ND4J's
 * {@code multi_head_dot_product_attention}: {@code Wq, Wk, Wv: [heads, headSize, d]}, {@code Wo: [heads·headSize, d]},
 * so that op can recompute and verify the attention weights.
 */
public class SelfAttention extends HandWrittenLayer implements JavaExpressible {
    public static final String WQ = "Wq";
    public static final String WK = "Wk";
    public static final String WV = "Wv";
    public static final String WO = "Wo";
    private static final String[] NAMES = {WQ, WK, WV, WO};

    private long size;
    private int heads;
    /** Width of each head; 0 means {@code size / heads} (a network with heads removed keeps the original width). */
    private long headWidth;

    public SelfAttention() {
        // for JSON
    }

    public SelfAttention(long size, int heads) {
        this.size = size;
        this.heads = heads;
    }

    /** Heads of {@code headWidth} each, whose concatenation may be narrower than {@code size} (heads removed). */
    public SelfAttention(long size, int heads, long headWidth) {
        this(size, heads);
        this.headWidth = headWidth;
    }

    public long getHeadWidth() {
        return headWidth;
    }

    public void setHeadWidth(long headWidth) {
        this.headWidth = headWidth;
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
        return headWidth > 0 ? headWidth : size / heads;
    }

    @Override
    protected BaseLayer<?> create(NeuralNetConfiguration conf, DataType dataType) {
        return new SelfAttentionImpl(conf, dataType);
    }

    @Override
    public String javaExpression() {
        return "new SelfAttention(" + size + "L, " + heads + (headWidth > 0 ? ", " + headWidth + "L" : "") + ")";
    }

    @Override
    public ParamInitializer initializer() {
        return Params.INSTANCE;
    }

    /** The four projections, Xavier-uniform. */
    static final class Params extends NamedParams {
        static final Params INSTANCE = new Params();

        @Override
        String[] names(Layer layer) {
            return NAMES.clone();
        }

        @Override
        long[][] shapes(Layer layer) {
            SelfAttention a = (SelfAttention) layer;
            long[] proj = {a.heads, a.headSize(), a.size};
            return new long[][] {proj, proj, proj, {a.heads * a.headSize(), a.size}};
        }

        @Override
        void initialize(Layer layer, Map<String, INDArray> p) {
            SelfAttention a = (SelfAttention) layer;
            for (String k : NAMES) {
                Inits.xavierUniform(p.get(k), a.size, a.size);
            }
        }
    }
}
