package dev.deepwire.compiler.layers;

import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The sum of two arrays of one shape — the {@code add} block and a transformer block's residual connections: DL4J's
 * {@code ElementWiseVertex(Add)} in configuration and numbers, running as {@link ResidualAddImpl} with fewer array
 * operations a step (ADR 0011, decision 28).
 */
public class ResidualAdd extends ElementWiseVertex implements JavaExpressible {

    public ResidualAdd() {
        super(Op.Add);
    }

    @Override
    public ResidualAdd clone() {
        return new ResidualAdd();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResidualAdd;
    }

    @Override
    public int hashCode() {
        return ResidualAdd.class.hashCode();
    }

    @Override
    public int maxVertexInputs() {
        return 2;
    }

    @Override
    public String javaExpression() {
        return "new ResidualAdd()";
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
                                                                    INDArray paramsView, boolean initializeParams,
                                                                    DataType dataType) {
        return new ResidualAddImpl(graph, name, idx, dataType);
    }
}
