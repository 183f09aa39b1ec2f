package dev.deepwire.inspect;

import dev.deepwire.data.Dataset;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.training.ObservationPacer;
import java.util.List;
import java.util.function.Consumer;

/**
 * Which attention maps a run captures, as plain data (it crosses to a training process): the attention
 * blocks, how many probe examples (the first validation examples) and how often: on every {@code every}-th step,
 * spaced further apart where capturing would take more than {@code budget} of the training's time (0: no limit;
 * see {@link ObservationPacer}); and the embedding tables the projector follows.
 */
public record CaptureSpec(List<String> nodes, int probeExamples, int every, double budget, List<String> tables) {
    public CaptureSpec {
        nodes = List.copyOf(nodes);
        tables = tables == null ? List.of() : List.copyOf(tables); // absent from a spec written before tables were
    }

    public CaptureSpec(List<String> nodes, int probeExamples, int every, double budget) {
        this(nodes, probeExamples, every, budget, List.of());
    }

    public CaptureSpec(List<String> nodes, int probeExamples, int every) {
        this(nodes, probeExamples, every, 0);
    }

    public CaptureSpec withBudget(double share) {
        return new CaptureSpec(nodes, probeExamples, every, share, tables);
    }

    /** The same spec, capturing these embedding tables too (for the projector; see {@link TableRecorder}). */
    public CaptureSpec withTables(List<String> tableNodes) {
        return new CaptureSpec(nodes, probeExamples, every, budget, tableNodes);
    }

    /** The probe examples of a dataset: the first validation examples, or the first training ones without any. */
    public Dataset probe(DatasetSplits data) {
        Dataset source = data.validation() != null ? data.validation() : data.train();
        return source.head(probeExamples);
    }

    /** A recorder for the training thread that hands each capture to {@code captured}. */
    public AttentionRecorder recorder(DatasetSplits data, Consumer<AttentionRecorder.Snapshot> captured) {
        return new AttentionRecorder(probe(data), nodes, tables, Math.max(1, every),
                new ObservationPacer(Math.max(1, every), budget), captured);
    }
}
