package dev.deepwire.inspect;

import dev.deepwire.compiler.VertexActivations;
import dev.deepwire.data.Dataset;
import dev.deepwire.training.ObservationPacer;
import dev.deepwire.training.StepHook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Captures the attention maps of a fixed probe batch every N steps, on the training thread (between
 * steps, where reading the model is safe), and once more at the end. Each capture is verified
 * ({@link AttentionProbe}) and kept as plain float arrays, so the UI can replay how a map changed.
 */
public final class AttentionRecorder implements StepHook {
    /** Keep at most this many snapshots per block; beyond it every other old one is dropped. */
    static final int LIMIT = 300;

    /**
     * One capture: the step, the block, weights {@code [example][head][query][key]}, and the verification error;
     * or an embedding table captured by {@link TableRecorder} as {@code [1][1][rows][dimensions]}.
     */
    public record Snapshot(long step, String nodeId, float[][][][] weights, double maxError) {
        public int heads() {
            return weights[0].length;
        }

        /** One example's map for a head, or the mean ({@code -1}) or maximum ({@code -2}) over heads. */
        public float[][] map(int example, int head) {
            float[][][] h = weights[example];
            if (head >= 0) {
                return h[head];
            }
            float[][] out = new float[h[0].length][h[0][0].length];
            for (float[][] one : h) {
                for (int q = 0; q < out.length; q++) {
                    for (int k = 0; k < out[q].length; k++) {
                        out[q][k] = head == -1 ? out[q][k] + one[q][k] / h.length : Math.max(out[q][k], one[q][k]);
                    }
                }
            }
            return out;
        }
    }

    private final Dataset probe;
    private final List<String> nodes;
    private final ObservationPacer pacer;
    private final Consumer<Snapshot> listener;
    private final List<Snapshot> snapshots = new CopyOnWriteArrayList<>();
    private volatile String problem;
    private final TableRecorder tables;

    /**
     * @param probe    the examples whose maps are captured (a few validation examples)
     * @param nodes    attention blocks to capture
     * @param pacer    chooses the steps captured (the last step is always captured)
     * @param listener told of each snapshot, on the training thread (hand it on to the UI thread)
     */
    public AttentionRecorder(Dataset probe, List<String> nodes, ObservationPacer pacer, Consumer<Snapshot> listener) {
        this(probe, nodes, List.of(), 1, pacer, listener);
    }

    /**
     * @param tables    embedding tables to capture as well (see {@link TableRecorder})
     * @param every     how often attention is captured, in steps (tables are captured less often)
     */
    public AttentionRecorder(Dataset probe, List<String> nodes, List<String> tables, int every, ObservationPacer pacer,
                             Consumer<Snapshot> listener) {
        this.probe = probe;
        this.nodes = List.copyOf(nodes);
        this.pacer = pacer;
        this.listener = listener;
        this.tables = new TableRecorder(tables, every, listener);
    }

    @Override
    public void afterStep(ComputationGraph model, long step, boolean last) {
        if (!nodes.isEmpty() && (last || pacer.due(step))) {
            pacer.timed(() -> capture(model, step));
        }
        try {
            tables.afterStep(model, step, last);
        } catch (RuntimeException e) {
            problem = "embedding tables: " + e.getMessage();
        }
    }

    private void capture(ComputationGraph model, long step) {
        Map<String, INDArray> acts;
        try {
            acts = VertexActivations.of(model, probe.features(), probe.featureMasks(), null, false);
        } catch (RuntimeException e) {
            problem = e.getMessage();
            return;
        }
        for (String node : nodes) {
            try {
                Snapshot s = snapshot(AttentionProbe.capture(model, node, acts, probe.featureMasks()), node, step);
                add(s);
                listener.accept(s);
            } catch (RuntimeException e) {
                problem = node + ": " + e.getMessage();
            }
        }
    }

    /** How many training steps a model has had: a saved checkpoint's step (its configuration counts them). */
    public static long trainedSteps(ComputationGraph model) {
        return model.getConfiguration().getIterationCount();
    }

    /** Captures one block's maps for a dataset's examples now (on the caller's thread). */
    public static Snapshot capture(ComputationGraph model, String node, long step, Dataset examples) {
        return snapshot(AttentionProbe.capture(model, node, examples.features(), examples.featureMasks()), node, step);
    }

    /** A capture's maps as plain float arrays {@code [example][head][query][key]}. */
    private static Snapshot snapshot(AttentionMaps maps, String node, long step) {
        var a = maps.weights().castTo(DataType.FLOAT).dup('c');
        int b = (int) a.size(0);
        int h = (int) a.size(1);
        int q = (int) a.size(2);
        int k = (int) a.size(3);
        float[] flat = a.data().asFloat();
        float[][][][] w = new float[b][h][q][k];
        for (int e = 0, at = 0; e < b; e++) {
            for (int hh = 0; hh < h; hh++) {
                for (int qq = 0; qq < q; qq++, at += k) {
                    System.arraycopy(flat, at, w[e][hh][qq], 0, k);
                }
            }
        }
        return new Snapshot(step, node, w, maps.maxError());
    }

    private void add(Snapshot s) {
        snapshots.add(s);
        List<Snapshot> mine = forNode(s.nodeId());
        if (mine.size() > LIMIT) {
            for (int i = 1; i < mine.size() - 1; i += 2) {
                snapshots.remove(mine.get(i));
            }
        }
    }

    public List<Snapshot> forNode(String node) {
        List<Snapshot> out = new ArrayList<>();
        for (Snapshot s : snapshots) {
            if (s.nodeId().equals(node)) {
                out.add(s);
            }
        }
        return out;
    }

    public List<String> nodes() {
        return nodes;
    }

    public Dataset probe() {
        return probe;
    }

    /** The last capture failure, if any (the run goes on without it). */
    public String problem() {
        return problem;
    }
}
