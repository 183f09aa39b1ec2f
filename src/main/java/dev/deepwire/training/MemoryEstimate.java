package dev.deepwire.training;

import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.model.TensorShape;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How much memory training a network needs, estimated from its shapes before anything is allocated:
 * parameters with their gradients and Adam state (4 copies), and each block's activations for a batch
 * kept for the backward pass (3 copies: forward, gradient, workspace slack), all in 4-byte floats.
 */
public record MemoryEstimate(long bytes, String largestNode, long largestParams) {

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
        String largest = null;
        long largestParams = 0;
        for (var e : net.shapes().paramCounts().entrySet()) {
            if (e.getValue() > largestParams) {
                largestParams = e.getValue();
                largest = e.getKey();
            }
        }
        long bytes = saturatedAdd(saturatedMul(params, 16), saturatedMul(saturatedMul(activations, batchSize), 12));
        return new MemoryEstimate(bytes, largest, largestParams);
    }

    /** The memory ND4J may use here: its off-heap limit (JavaCPP's {@code maxBytes}). */
    public static long available() {
        return org.bytedeco.javacpp.Pointer.maxBytes();
    }

    /** A message when the estimate does not fit in {@code availableBytes}, naming the largest block and the fix. */
    public Optional<String> problem(long availableBytes) {
        if (bytes <= availableBytes) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "this network needs about %s to train but %s is available; the "
                        + "largest block is '%s' with %,d parameters: make it smaller (or lower the batch size)",
                human(bytes), human(availableBytes), largestNode, largestParams));
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
