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
    /**
     * The training JVM's serial collector keeps eden this many times each survivor space; its young generation is a
     * third of the heap (the default NewRatio of 2).
     */
    public static final int SURVIVOR_RATIO = 2;

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
     * The heap Java reports as usable in a training JVM ({@code Runtime.maxMemory()} there): its largest heap less one
     * survivor space, which the collector keeps empty — 939 MB of a 1 GB heap. Judging by the whole 1 GB, validate
     * accepted what the training JVM refused.
     */
    static long usable(long heap) {
        long young = heap / 3;
        return heap - young / (SURVIVOR_RATIO + 2);
    }

    /**
     * The heap data and models are judged against: what a training JVM has, or this JVM's where that is smaller
     * (training in this process, with less).
     */
    public static long judged() {
        return Math.min(Runtime.getRuntime().maxMemory(), usable(bytes(heap())));
    }
}
