package dev.deepwire.inspect.walk;

import dev.deepwire.compiler.Vertices;
import dev.deepwire.data.Dataset;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The way back for one example, on a copy of the model (the model itself is not touched): DL4J's own backpropagation
 * of the example's loss ({@code computeGradientAndScore}, workspaces off so each vertex keeps the gradient it was
 * given, read as the backward pass ends), then the norm of that gradient on each wire's tensor (wires from one port
 * carry one tensor and share it) and of each block's parameter gradients. Wires of id and token inputs have none
 * (NaN): integers are not differentiated.
 */
public final class Backprop {
    private Backprop() {
    }

    public static Backward of(Walkthrough walk, Graph graph, BlockCatalog catalog, ComputationGraph model, Dataset one) {
        ComputationGraph net = model.clone();
        net.getConfiguration().setTrainingWorkspaceMode(WorkspaceMode.NONE);
        net.getConfiguration().setInferenceWorkspaceMode(WorkspaceMode.NONE);
        net.setInputs(one.features());
        net.setLabels(one.labels());
        net.setLayerMaskArrays(one.featureMasks(), null);
        Map<String, Double> seen = new HashMap<>();
        net.setListeners(new BaseTrainingListener() {
            @Override
            public void onBackwardPass(Model m) {
                // Each vertex still holds the gradient of the loss with respect to its output here.
                for (GraphVertex v : net.getVertices()) {
                    if (v.getEpsilon() != null) {
                        seen.put(v.getVertexName(), v.getEpsilon().norm2Number().doubleValue());
                    }
                }
            }
        });
        net.computeGradientAndScore();
        double loss = net.score();
        Map<String, Double> squares = new LinkedHashMap<>();
        Gradient g = net.gradient();
        for (Map.Entry<String, INDArray> e : g.gradientForVariable().entrySet()) {
            String vertex = e.getKey().substring(0, Math.max(0, e.getKey().lastIndexOf('_')));
            int dot = vertex.indexOf('.');
            String node = dot < 0 ? vertex : vertex.substring(0, dot);
            double n = e.getValue().norm2Number().doubleValue();
            squares.merge(node, n * n, Double::sum);
        }
        Map<String, Double> blocks = new LinkedHashMap<>();
        squares.forEach((k, v) -> blocks.put(k, Math.sqrt(v)));
        List<Backward.WireGradient> wires = new ArrayList<>();
        for (int s = walk.steps().size() - 1; s >= 0; s--) {
            String to = walk.steps().get(s).nodeId();
            for (Edge e : graph.edgesInto(to)) {
                wires.add(new Backward.WireGradient(Walkthroughs.wireName(e), e.from().nodeId(), to,
                        seen.getOrDefault(Vertices.of(graph, catalog, e.from()), Double.NaN), Walkthroughs.wireLabel(graph, e)));
            }
        }
        net.setListeners();
        net.clearLayerMaskArrays();
        return new Backward(loss, wires, blocks);
    }
}
