package dev.deepwire.limits;

/**
 * The memory training has: a training JVM's largest heap ({@value #HEAP_PROPERTY}, default {@value #DEFAULT_HEAP}),
 * which also bounds ND4J's off-heap arrays there. Data sizes and model estimates are judged against it in every JVM
 * — the command line's validate, the workbench's check, the training JVM itself — so that what validate accepts,
 * training starts, whatever heap the JVM that judges happens to have.
 */
public final class TrainingMemory {
    /** System property naming the training JVM's largest heap, e.g. {@code 2g}. */
    public static final String HEAP_PROPERTY = "deepwire.trainingHeap";
    public static final String DEFAULT_HEAP = "1g";

    private TrainingMemory() {
    }

    /** The training JVM's largest heap as the JVM reads it ({@code 1g}): the property when it is a size, else the default. */
    public static String heap() {
        String heap = System.getProperty(HEAP_PROPERTY, DEFAULT_HEAP);
        return heap.matches("[0-9]{1,6}[kKmMgG]?") ? heap : DEFAULT_HEAP;
    }

    /** A heap size as the JVM reads it ({@code 512m}, {@code 2g}, {@code 1048576}), in bytes. */
    public static long bytes(String size) {
        char unit = Character.toLowerCase(size.charAt(size.length() - 1));
        int shift = unit == 'k' ? 10 : unit == 'm' ? 20 : unit == 'g' ? 30 : 0;
        return Long.parseLong(shift == 0 ? size : size.substring(0, size.length() - 1)) << shift;
    }

    /** How to give training more memory, for messages: the property, twice the heap it has now. */
    public static String raise() {
        long doubled = 2 * bytes(heap());
        String size = doubled % (1L << 30) == 0 ? (doubled >> 30) + "g" : (doubled >> 20) + "m";
        return "give training more memory with JAVA_TOOL_OPTIONS=-D" + HEAP_PROPERTY + "=" + size + " (it has " + heap()
                + ")";
    }

    /**
     * The heap data and models are judged against: the training JVM's, or this JVM's where that is smaller (training
     * in this process, with less).
     */
    public static long judged() {
        return Math.min(Runtime.getRuntime().maxMemory(), bytes(heap()));
    }
}
