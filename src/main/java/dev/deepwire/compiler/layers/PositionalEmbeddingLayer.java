package dev.deepwire.compiler.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adds a position vector to every step of an NCW sequence {@code [batch, d, T]}: a learned table
 * {@code P [1, d, T]} or the fixed sinusoidal table of "Attention is all you need" (no parameters).
 */
public class PositionalEmbeddingLayer extends CorrectedSameDiffLayer {
    public static final String TABLE = "P";

    private long size;
    private long length;
    private boolean learned;
    private double initScale;

    public PositionalEmbeddingLayer() {
        // for JSON
    }

    public PositionalEmbeddingLayer(long size, long length, boolean learned, double initScale) {
        this.size = size;
        this.length = length;
        this.learned = learned;
        this.initScale = initScale;
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        if (learned) {
            params.addWeightParam(TABLE, 1, size, length);
        }
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        if (learned) {
            Inits.normal(params.get(TABLE), initScale);
        }
    }

    @Override
    protected SDVariable define(SameDiff sd, SDVariable in, Map<String, SDVariable> p, SDVariable mask) {
        SDVariable table = learned ? p.get(TABLE) : sd.constant(sinusoids(size, length, in.dataType()));
        return in.add(table);
    }

    /** {@code P[2i, t] = sin(t / 10000^(2i/d))}, {@code P[2i+1, t] = cos(t / 10000^(2i/d))}, shape [1, d, T]. */
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
}
