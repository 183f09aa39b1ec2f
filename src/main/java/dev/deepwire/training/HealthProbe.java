package dev.deepwire.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Measures each block's health on the training thread (DL4J reuses its arrays, so only numbers leave
 * here). Every step it notes which blocks first produced non-finite output, so a diverging run can name
 * the block; every {@code every} steps it measures update ratios, output spread and gradient norms.
 */
final class HealthProbe extends BaseTrainingListener {
    private final List<String> order;
    private final int every;
    private boolean measuring;
    private String firstNonFinite;
    private final Map<String, double[]> activation = new HashMap<>();
    private final Map<String, Double> gradient = new HashMap<>();
    private final Map<String, INDArray> before = new HashMap<>();
    private List<NodeHealth> last = List.of();

    /** @param order canvas node ids in topological order (also their DL4J vertex names) */
    HealthProbe(List<String> order, int every) {
        this.order = order;
        this.every = every;
    }

    /** Called before each step. */
    void beforeStep(long nextStep) {
        measuring = every > 0 && (nextStep == 1 || nextStep % every == 0); // at once, then every few steps
        firstNonFinite = null;
        activation.clear();
        gradient.clear();
        before.clear();
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        for (String id : order) {
            INDArray a = activations.get(id);
            if (a == null || a.isEmpty()) {
                continue;
            }
            double sum = a.sumNumber().doubleValue();
            boolean finite = Double.isFinite(sum);
            if (!finite && firstNonFinite == null) {
                firstNonFinite = id;
            }
            if (measuring) {
                // A finite sum means no NaN or infinity in the array: count them only when it is not (this
                // runs on the training thread; six passes over every activation cost a sixth of the speed).
                long bad = finite ? 0 : a.isNaN().castTo(org.nd4j.linalg.api.buffer.DataType.INT).sumNumber().longValue()
                        + a.isInfinite().castTo(org.nd4j.linalg.api.buffer.DataType.INT).sumNumber().longValue();
                activation.put(id, new double[] {sum / a.length(), a.stdNumber().doubleValue(), bad});
            }
        }
    }

    @Override
    public void onGradientCalculation(Model model) {
        if (!measuring) {
            return;
        }
        ComputationGraph graph = (ComputationGraph) model;
        Gradient g = graph.gradient();
        Map<String, Double> squares = new HashMap<>();
        if (g != null) {
            for (Map.Entry<String, INDArray> e : g.gradientForVariable().entrySet()) {
                int cut = e.getKey().lastIndexOf('_');
                String vertex = cut < 0 ? e.getKey() : e.getKey().substring(0, cut);
                int part = vertex.indexOf('.');
                vertex = part < 0 ? vertex : vertex.substring(0, part); // a block's inner vertex counts for its node
                double n = e.getValue().norm2Number().doubleValue();
                squares.merge(vertex, n * n, Double::sum);
            }
        }
        squares.forEach((v, s) -> gradient.put(v, Math.sqrt(s)));
        for (String id : order) {
            var vertex = graph.getVertex(id);
            if (vertex != null && vertex.numParams() > 0) {
                before.put(id, vertex.params().dup());
            }
        }
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        if (!measuring) {
            return;
        }
        ComputationGraph graph = (ComputationGraph) model;
        List<NodeHealth> out = new ArrayList<>();
        for (String id : order) {
            double[] act = activation.get(id);
            if (act == null) {
                continue;
            }
            var vertex = graph.getVertex(id);
            long params = vertex == null ? 0 : vertex.numParams();
            double ratio = 0;
            INDArray old = before.get(id);
            if (old != null) {
                double norm = old.norm2Number().doubleValue();
                ratio = norm == 0 ? 0 : vertex.params().sub(old).norm2Number().doubleValue() / norm;
            }
            out.add(new NodeHealth(id, ratio, act[0], act[1], (long) act[2], gradient.getOrDefault(id, 0.0), params));
        }
        last = List.copyOf(out);
    }

    /** The measurements of the last measured step, or empty when this step was not measured. */
    List<NodeHealth> takeMeasurements() {
        if (!measuring) {
            return List.of();
        }
        List<NodeHealth> m = last;
        last = List.of();
        return m;
    }

    /** The first block (in graph order) whose output had NaN or infinite values in the last forward pass. */
    String firstNonFinite() {
        return firstNonFinite;
    }
}
