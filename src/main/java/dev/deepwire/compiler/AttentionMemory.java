package dev.deepwire.compiler;

import dev.deepwire.limits.Limits;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Issue;
import dev.deepwire.model.Node;
import dev.deepwire.model.Port;
import dev.deepwire.model.PortKind;
import dev.deepwire.model.TensorShape;
import dev.deepwire.model.WireTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The memory an attention block's scores take in training, from the shapes alone: batch × heads × queries × keys floats,
 * four copies (scores, softmax weights and the gradients of both) — as {@code training.MemoryEstimate} counts them. The
 * editor badges a block whose scores could not fit in the memory training has: an error when one example's already do
 * not (training refuses it whatever the batch), a warning when a batch's take more than half of it.
 */
public final class AttentionMemory {
    /** Bytes per score element kept for training: a 4-byte float, four copies. */
    public static final long BYTES_PER_SCORE = 16;

    private AttentionMemory() {
    }

    /** One attention block's scores: per example, as heads × queries × keys. */
    public record Scores(String nodeId, long heads, long queries, long keys, boolean fromImage) {
        public long perExampleBytes() {
            return saturatedMul(saturatedMul(heads, saturatedMul(queries, keys)), BYTES_PER_SCORE);
        }

        public long perBatchBytes(int batch) {
            return saturatedMul(perExampleBytes(), Math.max(1, batch));
        }
    }

    /** Every self-attention, cross-attention and transformer block whose input lengths are known. */
    public static List<Scores> scores(Graph graph, BlockCatalog catalog, ShapeReport shapes) {
        List<Scores> all = new ArrayList<>();
        for (Node n : graph.nodes()) {
            String queriesPort;
            String keysPort;
            switch (n.type()) {
                case "self_attention", "transformer_block" -> {
                    queriesPort = "in";
                    keysPort = "in";
                }
                case "cross_attention" -> {
                    queriesPort = "queries";
                    keysPort = "keys";
                }
                default -> {
                    continue;
                }
            }
            Optional<Edge> q = graph.edgeInto(new Port(n.id(), queriesPort));
            Optional<Edge> k = graph.edgeInto(new Port(n.id(), keysPort));
            long tq = q.flatMap(shapes::shapeOf).filter(s -> s.kind() == PortKind.SEQUENCE).map(TensorShape::length).orElse(0);
            long tk = k.flatMap(shapes::shapeOf).filter(s -> s.kind() == PortKind.SEQUENCE).map(TensorShape::length).orElse(0);
            Object heads = catalog.paramValue(n, "heads");
            if (tq == 0 || tk == 0 || !(heads instanceof Number h)) {
                continue;
            }
            boolean image = WireTarget.fromImage(graph, q.get().from().nodeId())
                    || WireTarget.fromImage(graph, k.get().from().nodeId());
            all.add(new Scores(n.id(), h.longValue(), tq, tk, image));
        }
        return all;
    }

    /**
     * Issues for the blocks whose scores do not fit in {@code available} bytes (the training JVM's memory) at a batch of
     * {@code batch} examples: what, how much per example and per batch, and how to make it fit.
     */
    public static List<Issue> issues(Graph graph, BlockCatalog catalog, ShapeReport shapes, int batch, long available) {
        List<Issue> issues = new ArrayList<>();
        for (Scores s : scores(graph, catalog, shapes)) {
            long example = s.perExampleBytes();
            long all = s.perBatchBytes(batch);
            if (example > available) {
                issues.add(Issue.error(s.nodeId(), message(s, batch, available) + "; training refuses it whatever the "
                        + "batch size"));
            } else if (all > available / 2) {
                issues.add(Issue.warn(s.nodeId(), message(s, batch, available)
                        + (all > available ? "; training refuses a batch this large" : "; training may run short of it")));
            }
        }
        return issues;
    }

    private static String message(Scores s, int batch, long available) {
        String positions = s.queries == s.keys
                ? String.format(Locale.ROOT, "%,d positions", s.queries)
                : String.format(Locale.ROOT, "%,d queries × %,d keys", s.queries, s.keys);
        String fix = s.fromImage
                ? "use larger image patches, or pool the image first (Pooling 2D before Image patches), fewer heads or a "
                        + "smaller batch size"
                : "use shorter sequences (or pool over time first), fewer heads or a smaller batch size";
        return String.format(Locale.ROOT, "attention over %s: its scores (batch × heads × queries × keys) take about %s "
                        + "per example and %s for a batch of %d while training, more than %s%s training has: %s",
                positions, Limits.bytes(s.perExampleBytes()), Limits.bytes(s.perBatchBytes(batch)), batch,
                s.perBatchBytes(batch) > available ? "the " : "half the ", Limits.bytes(available), fix);
    }

    static long saturatedMul(long a, long b) {
        return Math.multiplyHigh(a, b) != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }
}
