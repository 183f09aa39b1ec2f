package dev.deepwire.compiler.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The running {@link PositionalEmbedding}: {@code y = x + P}; {@code dP = Σ_batch dy}, {@code dx = dy}. */
public final class PositionalEmbeddingImpl extends BaseLayer<PositionalEmbedding> {
    private INDArray sinusoids;

    public PositionalEmbeddingImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    private INDArray table() {
        if (layerConf().isLearned()) {
            return getParam(PositionalEmbedding.TABLE);
        }
        if (sinusoids == null || sinusoids.dataType() != input.dataType()) {
            // Kept across steps, so made outside DL4J's workspaces (which are reset every step).
            try (var ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                sinusoids = PositionalEmbedding.sinusoids(layerConf().getSize(), layerConf().getLength(), input.dataType());
            }
        }
        return sinusoids;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), input.shape(), 'c');
        return input.add(table(), out); // one pass, broadcast over the examples, no array in between
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        Gradient g = new DefaultGradient();
        if (layerConf().isLearned()) {
            INDArray grad = gradientViews.get(PositionalEmbedding.TABLE);
            if (VectorKernels.ON && HostArrays.inPlace(epsilon, grad) && grad.length() * epsilon.size(0) == epsilon.length()) {
                BatchSumVectors.sum(HostArrays.bytes(epsilon), (int) epsilon.size(0), (int) grad.length(), HostArrays.bytes(grad));
            } else {
                grad.assign(epsilon.sum(true, 0));
            }
            g.gradientForVariable().put(PositionalEmbedding.TABLE, grad);
        }
        INDArray dx = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, epsilon.dataType(), epsilon.shape(), 'c');
        dx.assign(epsilon);
        return new Pair<>(g, dx);
    }
}
