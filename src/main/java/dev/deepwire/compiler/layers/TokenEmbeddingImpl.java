package dev.deepwire.compiler.layers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;

/**
 * The running {@link TokenEmbedding}: {@code rows = W[ids]}, {@code [b·T, d]} seen as {@code [b, d, T]}, padded
 * positions zeroed; backward {@code dW[v] = Σ dy} over the positions holding token v (ids take no gradient).
 */
public final class TokenEmbeddingImpl extends EmbeddingTableImpl<TokenEmbedding> {

    public TokenEmbeddingImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    String kind() {
        return "token embedding";
    }

    @Override
    public Layer.Type type() {
        return Layer.Type.RECURRENT;
    }

    private long batch() {
        return input.size(0);
    }

    private long steps() {
        return input.length() / input.size(0);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        INDArray rows = lookedUp(mgr);
        INDArray out = rows.reshape('c', batch(), steps(), rows.size(1)).permute(0, 2, 1);
        if (maskArray != null) {
            Broadcast.mul(out, maskArray.castTo(dataType).reshape(batch(), steps()), out, 0, 2);
        }
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        INDArray dy = epsilon;
        if (maskArray != null) {
            dy = Broadcast.mul(epsilon, maskArray.castTo(epsilon.dataType()).reshape(batch(), steps()), epsilon.ulike(), 0, 2);
        }
        return tableGradient(SequenceRows.rows(dy));
    }
}
