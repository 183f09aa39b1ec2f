package dev.deepwire.compiler;

import dev.deepwire.model.TensorShape;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A graph compiled for DL4J: the configuration, the network inputs and outputs in DL4J's order, the
 * shapes found, and which DL4J vertices each canvas node became.
 */
public record CompiledNetwork(ComputationGraphConfiguration configuration, List<Input> inputs, List<Output> outputs,
                              ShapeReport shapes, Map<String, List<String>> vertices) {

    /** A network input: the canvas node feeding it and the shape it takes. */
    public record Input(String nodeId, TensorShape shape) {
    }

    /**
     * A loss-producing output: the node, its block type, how many classes (or units) it predicts, and its
     * parameters (defaults filled in), e.g. a link-prediction output's negative sampling.
     */
    public record Output(String nodeId, String blockType, int size, Map<String, Object> settings) {
        public Output {
            settings = Map.copyOf(settings);
        }
    }

    /**
     * A fresh, initialised network (its parameters drawn from the configuration's seed), holding its parameters in one
     * flat {@code [n]} array. DL4J's own {@code init()} makes a {@code [1, n]} array and hands its parameters out as an
     * {@code [n]} view, which its optimizer "sets" back into the array after every step — a copy of every parameter a
     * step (4 MB for wordnet-links-distmult). On an {@code [n]} array it hands out the array itself and skips the copy
     * (ADR 0011, decision 29); the values are the ones {@code init()} drew.
     */
    public ComputationGraph instantiate() {
        ComputationGraph drawn = new ComputationGraph(configuration.clone());
        drawn.init();
        ComputationGraph net = new ComputationGraph(configuration.clone());
        net.init(drawn.params().dup(), false); // params() is already the [n] view
        return net;
    }

    /** The configuration as DL4J's own JSON ({@code ComputationGraphConfiguration.fromJson} reads it back). */
    public String configurationJson() {
        return configuration.toJson();
    }

    public long totalParams() {
        return shapes.totalParams();
    }
}
