package dev.deepwire.training;

import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.compiler.layers.CrossAttention;
import dev.deepwire.compiler.layers.SelfAttention;
import dev.deepwire.limits.TrainingMemory;
import dev.deepwire.model.PortKind;
import dev.deepwire.model.TensorShape;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.conf.graph.LayerVertex;

/**
 * How much memory training a network needs, estimated from its shapes before anything is allocated:
 * parameters with their gradients and Adam state (4 copies), and each block's activations for a batch
 * kept for the backward pass (3 copies: forward, gradient, workspace slack), and each attention's batch × heads ×
 * queries × keys scores (4 copies: scores, softmax weights and the gradients of both), all in 4-byte floats.
 */
public record MemoryEstimate(long bytes, String largestNode, long largestParams, long attentionBytes) {

    public static MemoryEstimate of(CompiledNetwork net, int batchSize) {
        long params = net.totalParams();
        long activations = 0;
        for (Map<String, TensorShape> outs : net.shapes().outputs().values()) {
            for (TensorShape s : outs.values()) {
                long elements = 1;
                for (int d : s.dims()) {
                    elements = Math.multiplyHigh(elements, d) != 0 ? Long.MAX_VALUE / 16 : elements * d;
                }
                activations = saturatedAdd(activations, elements);
            }
        }
        long scores = attentionScores(net);
        String largest = null;
        long largestParams = 0;
        for (var e : net.shapes().paramCounts().entrySet()) {
            if (e.getValue() > largestParams) {
                largestParams = e.getValue();
                largest = e.getKey();
            }
        }
        long attention = saturatedMul(saturatedMul(scores, batchSize), 16);
        long bytes = saturatedAdd(saturatedMul(params, 16), saturatedAdd(
                saturatedMul(saturatedMul(activations, batchSize), 12), attention));
        return new MemoryEstimate(bytes, largest, largestParams, attention);
    }

    /** The attention score elements per example: heads × queries × keys over every attention in the network. */
    static long attentionScores(CompiledNetwork net) {
        long total = 0;
        for (var e : net.configuration().getVertices().entrySet()) {
            String vertex = e.getKey();
            String node = vertex.contains(".") ? vertex.substring(0, vertex.indexOf('.')) : vertex;
            long heads = 0;
            long queries = 0;
            long keys = 0;
            if (e.getValue() instanceof LayerVertex lv
                    && lv.getLayerConf() != null && lv.getLayerConf().getLayer() instanceof SelfAttention sa) {
                heads = sa.getHeads();
                queries = inputLength(net, node, null);
                keys = queries;
            } else if (e.getValue() instanceof CrossAttention ca) {
                heads = ca.getHeads();
                queries = inputLength(net, node, "queries");
                keys = inputLength(net, node, "keys");
            }
            total = saturatedAdd(total, saturatedMul(heads, saturatedMul(queries, keys)));
        }
        return total;
    }

    /** The sequence length coming into a node (through the named input port, or any when null). */
    private static long inputLength(CompiledNetwork net, String node, String port) {
        long length = 0;
        for (var e : net.shapes().edgeShapes().entrySet()) {
            if (e.getKey().to().nodeId().equals(node) && (port == null || e.getKey().to().name().equals(port))
                    && e.getValue().kind() == PortKind.SEQUENCE) {
                length = Math.max(length, e.getValue().length());
            }
        }
        return length;
    }

    /**
     * The memory ND4J may use in training: its off-heap limit (JavaCPP's {@code maxBytes}, the heap's size unless set),
     * no more than a training JVM's heap ({@link TrainingMemory}) — the same answer here as in the JVM that trains.
     */
    public static long available() {
        return Math.min(org.bytedeco.javacpp.Pointer.maxBytes(), TrainingMemory.judged());
    }

    /** A message when the estimate does not fit in {@code availableBytes}, naming the largest block and the fix. */
    public Optional<String> problem(long availableBytes) {
        if (bytes <= availableBytes) {
            return Optional.empty();
        }
        if (attentionBytes > bytes / 2) {
            return Optional.of(String.format(Locale.ROOT, "this network needs about %s to train but %s is available; "
                            + "most of it, %s, is attention scores (batch × heads × sequence length²): use shorter "
                            + "sequences (larger image patches, or pooling first), fewer heads or a smaller batch size, or %s", human(bytes), human(availableBytes),
                    human(attentionBytes), TrainingMemory.raise()));
        }
        return Optional.of(String.format(Locale.ROOT, "this network needs about %s to train but %s is available; the "
                        + "largest block is '%s' with %,d parameters: make it smaller (or lower the batch size), or %s",
                human(bytes), human(availableBytes), largestNode, largestParams, TrainingMemory.raise()));
    }

    static String human(long bytes) {
        if (bytes >= (1L << 30)) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    private static long saturatedMul(long a, long b) {
        return Math.multiplyHigh(a, b) != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }
}
