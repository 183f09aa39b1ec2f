package dev.deepwire.compiler.layers;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adds a position vector to every step of an NCW sequence {@code [b, d, T]}: a learned table {@code P [1, d, T]}
 * or the fixed sinusoidal table of "Attention is all you need" (no parameters). Written by hand: one
 * addition forward, one sum over the batch backward.
 */
public class PositionalEmbedding extends HandWrittenLayer implements JavaExpressible {
    public static final String TABLE = "P";

    private long size;
    private long length;
    private boolean learned;
    private double initScale;

    public PositionalEmbedding() {
        // for JSON
    }

    public PositionalEmbedding(long size, long length, boolean learned, double initScale) {
        this.size = size;
        this.length = length;
        this.learned = learned;
        this.initScale = initScale;
    }

    public long getSize() {
        return size;
    }

    public void setSize(long size) {
        this.size = size;
    }

    public long getLength() {
        return length;
    }

    public void setLength(long length) {
        this.length = length;
    }

    public boolean isLearned() {
        return learned;
    }

    public void setLearned(boolean learned) {
        this.learned = learned;
    }

    public double getInitScale() {
        return initScale;
    }

    public void setInitScale(double initScale) {
        this.initScale = initScale;
    }

    @Override
    protected BaseLayer<?> create(NeuralNetConfiguration conf, DataType dataType) {
        return new PositionalEmbeddingImpl(conf, dataType);
    }

    @Override
    public String javaExpression() {
        return "new PositionalEmbedding(" + size + "L, " + length + "L, " + learned + ", " + JavaExpressible.d(initScale) + ")";
    }

    @Override
    public ParamInitializer initializer() {
        return Params.INSTANCE;
    }

    /** {@code P[0, 2i, t] = sin(t / 10000^(2i/d))}, {@code P[0, 2i+1, t] = cos(…)}, shape [1, d, T]. */
    public static INDArray sinusoids(long size, long length, DataType type) {
        INDArray table = Nd4j.create(DataType.DOUBLE, 1, size, length);
        for (long i = 0; i < size; i++) {
            double freq = Math.pow(10000, -(2.0 * (i / 2)) / size);
            for (long t = 0; t < length; t++) {
                table.putScalar(new long[] {0, i, t}, i % 2 == 0 ? Math.sin(t * freq) : Math.cos(t * freq));
            }
        }
        return table.castTo(type);
    }

    /** The learned table, or nothing for the sinusoidal mode. */
    static final class Params extends NamedParams {
        static final Params INSTANCE = new Params();

        @Override
        String[] names(Layer layer) {
            return ((PositionalEmbedding) layer).learned ? new String[] {TABLE} : new String[0];
        }

        @Override
        long[][] shapes(Layer layer) {
            PositionalEmbedding p = (PositionalEmbedding) layer;
            return p.learned ? new long[][] {{1, p.size, p.length}} : new long[0][];
        }

        @Override
        void initialize(Layer layer, Map<String, INDArray> params) {
            if (!params.isEmpty()) {
                Inits.normal(params.get(TABLE), ((PositionalEmbedding) layer).initScale);
            }
        }
    }
}
