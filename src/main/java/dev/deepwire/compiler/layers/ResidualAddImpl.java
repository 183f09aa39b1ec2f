package dev.deepwire.compiler.layers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.BaseGraphVertex;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.bool.Or;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code a + b} for two arrays of one shape, as DL4J's {@code ElementWiseVertex(Add)} computes it, with fewer array
 * operations: the sum in one operation (DL4J copies {@code a}, then adds {@code b} into the copy: the same float), and
 * one mask handed on as it is where both inputs carry that same mask array (DL4J ORs the two into a new array, twice a
 * step, copies included: three operations for a 0/1 mask that comes out unchanged). The backward pass is DL4J's: each
 * input gets its own copy of the gradient — the step-through reads every vertex's gradient after the pass, and DL4J adds
 * the gradients reaching one vertex into the first of them in place, so the arrays must not be shared.
 */
public final class ResidualAddImpl extends BaseGraphVertex {

    ResidualAddImpl(ComputationGraph graph, String name, int vertexIndex, DataType dataType) {
        super(graph, name, vertexIndex, null, null, dataType);
    }

    @Override
    public boolean hasLayer() {
        return false;
    }

    @Override
    public Layer getLayer() {
        return null;
    }

    @Override
    public INDArray doForward(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!canDoForward()) {
            throw new IllegalStateException("Cannot do forward pass: inputs not set");
        }
        INDArray a = inputs[0];
        INDArray b = inputs[1];
        if (!a.equalShapes(b)) {
            throw new IllegalStateException(vertexName + ": cannot add arrays of shapes " + java.util.Arrays.toString(a.shape())
                    + " and " + java.util.Arrays.toString(b.shape()));
        }
        INDArray sum = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, a.shape());
        Nd4j.exec(new AddOp(a.castTo(dataType), b.castTo(dataType), sum));
        return sum;
    }

    @Override
    public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
        if (!canDoBackward()) {
            throw new IllegalStateException("Cannot do backward pass: errors not set");
        }
        return new Pair<>(null, new INDArray[] {workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, epsilon),
                workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, epsilon)});
    }

    @Override
    public void setBackpropGradientsViewArray(INDArray backpropGradientsViewArray) {
        if (backpropGradientsViewArray != null) {
            throw new RuntimeException("Vertex does not have gradients; gradients view array cannot be set here");
        }
    }

    /**
     * DL4J's: no mask where either input has none, else their OR as a float array — except that one float mask array on
     * both inputs is handed on as it is (DeepWire's masks hold 0 and 1, which the OR gives back unchanged).
     */
    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] maskArrays, MaskState currentMaskState,
                                                         int minibatchSize) {
        if (maskArrays == null || maskArrays[0] == null || maskArrays[1] == null) {
            return new Pair<>(null, currentMaskState);
        }
        if (maskArrays[0] == maskArrays[1] && maskArrays[0].dataType() == Nd4j.defaultFloatingPointType()) {
            return new Pair<>(maskArrays[0], currentMaskState);
        }
        INDArray or = Nd4j.createUninitialized(DataType.BOOL, maskArrays[0].shape());
        Nd4j.getExecutioner().exec(new Or(maskArrays[0].castTo(DataType.BOOL), maskArrays[1].castTo(DataType.BOOL), or));
        return new Pair<>(or.castTo(Nd4j.defaultFloatingPointType()), currentMaskState);
    }

    @Override
    public String toString() {
        return "ResidualAddImpl(id=" + getVertexIndex() + ",name=\"" + getVertexName() + "\")";
    }
}
