package dev.deepwire.inspect;

import dev.deepwire.training.HealthMonitor;
import dev.deepwire.training.NodeHealth;
import dev.deepwire.training.ObservationPacer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Measures each block's health on the training thread (DL4J reuses its arrays, so only numbers leave
 * here): on the steps its {@link ObservationPacer} chooses, update ratios, output spread and gradient norms.
 * The training loop reaches it through {@link HealthMonitor}; the worker and the tests plug it in.
 */
public final class HealthProbe extends BaseTrainingListener implements HealthMonitor {
    private final List<String> order;
    private final ObservationPacer pacer;
    private boolean measuring;
    private final Map<String, double[]> activation = new HashMap<>();
    private final Map<String, Double> gradient = new HashMap<>();
    private final Map<String, INDArray> before = new HashMap<>();
    private List<NodeHealth> last = List.of();

    /** @param order canvas node ids in topological order (also their DL4J vertex names) */
    public HealthProbe(List<String> order, ObservationPacer pacer) {
        this.order = order;
        this.pacer = pacer;
    }

    @Override
    public void beforeStep(long nextStep) {
        measuring = pacer.due(nextStep); // at once, then every few steps
        activation.clear();
        gradient.clear();
        before.clear();
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        if (measuring) {
            pacer.timed(() -> measureActivations(activations));
        }
    }

    private void measureActivations(Map<String, INDArray> activations) {
        for (String id : order) {
            INDArray a = activations.get(id);
            if (a == null || a.isEmpty()) {
                continue;
            }
            double sum = a.sumNumber().doubleValue();
            // A finite sum means no NaN or infinity in the array: count them only when it is not.
            long bad = Double.isFinite(sum) ? 0 : count(a.isNaN()) + count(a.isInfinite());
            activation.put(id, new double[] {sum / a.length(), a.stdNumber().doubleValue(), bad});
        }
    }

    private static long count(INDArray flags) {
        return flags.castTo(DataType.INT).sumNumber().longValue();
    }

    @Override
    public void onGradientCalculation(Model model) {
        if (measuring) {
            pacer.timed(() -> measureGradients((ComputationGraph) model));
        }
    }

    private void measureGradients(ComputationGraph graph) {
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
        if (measuring) {
            pacer.timed(() -> measureUpdates((ComputationGraph) model));
        }
    }

    private void measureUpdates(ComputationGraph graph) {
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

    @Override
    public List<NodeHealth> takeMeasurements() {
        if (!measuring) {
            return List.of();
        }
        List<NodeHealth> m = last;
        last = List.of();
        return m;
    }
}
