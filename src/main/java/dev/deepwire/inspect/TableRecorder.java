package dev.deepwire.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Captures embedding tables during training for the projector, on the training thread between steps, beside the
 * attention maps: each table on every k-th step, k growing with the table's size so a large table (wordnet's
 * 4,000 entities of 128 numbers: every 120 steps) is copied and sent a few dozen times a run at most; and once
 * more at the end. A capture travels as an {@link AttentionRecorder.Snapshot} of one example and one head whose
 * map is the table ({@code [1][1][rows][dimensions]}), so it reaches the window by the attention maps' way, from a
 * training process too.
 */
final class TableRecorder {
    /** A table is captured at most every this many attention intervals. */
    static final int SPACING = 5;
    /** Beyond this many numbers, a table is captured proportionally less often. */
    static final int FLOATS_PER_CAPTURE = 100_000;

    private final List<EmbeddingTables.Found> tables = new ArrayList<>();
    private final List<Integer> every = new ArrayList<>();
    private final List<Long> lastCaptured = new ArrayList<>();
    private final List<String> nodes;
    private final int baseEvery;
    private final Consumer<AttentionRecorder.Snapshot> listener;
    private boolean resolved;

    TableRecorder(List<String> nodes, int baseEvery, Consumer<AttentionRecorder.Snapshot> listener) {
        this.nodes = List.copyOf(nodes);
        this.baseEvery = Math.max(1, baseEvery);
        this.listener = listener;
    }

    /** Steps between two captures of a table with {@code floats} numbers. */
    static int interval(int baseEvery, long floats) {
        return baseEvery * (int) Math.max(SPACING, (floats + FLOATS_PER_CAPTURE - 1) / FLOATS_PER_CAPTURE);
    }

    void afterStep(ComputationGraph model, long step, boolean last) {
        if (nodes.isEmpty()) {
            return;
        }
        if (!resolved) {
            for (EmbeddingTables.Found f : EmbeddingTables.find(model)) {
                if (nodes.contains(f.key())) {
                    tables.add(f);
                    every.add(interval(baseEvery, model.getVertex(f.vertex()).numParams()));
                    lastCaptured.add(-1L);
                }
            }
            resolved = true;
        }
        for (int i = 0; i < tables.size(); i++) {
            boolean due = last || step == 1 || step % every.get(i) == 0;
            if (due && lastCaptured.get(i) != step) { // the run's end repeats its last step: captured once
                lastCaptured.set(i, step);
                float[][] rows = EmbeddingTables.values(model, tables.get(i));
                listener.accept(new AttentionRecorder.Snapshot(step, tables.get(i).key(), new float[][][][] {{rows}}, 0));
            }
        }
    }
}
