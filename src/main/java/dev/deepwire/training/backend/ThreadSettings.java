package dev.deepwire.training.backend;

import dev.deepwire.compiler.layers.SplitGemm;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/** Sets how many threads a training step uses: ND4J's op executor, OpenBLAS, and the split of large products. */
public final class ThreadSettings {
    private ThreadSettings() {
    }

    /**
     * Below this many parameters ND4J's own operations and OpenBLAS run on the training thread alone: small models
     * are dominated by per-operation overhead, where a second thread costs more in hand-offs than it gains (marker: 78
     * ms a step on one thread, 118 ms on two, on a 2-core machine); a second thread then only takes half of each large
     * matrix product and the layers' weight gradients beside their input gradients ({@link SplitGemm}).
     */
    public static final long SMALL_MODEL = 5_000_000;

    /** Threads that train a model of this size fastest: two for a small model (where there are two), else all. */
    public static int recommended(long params) {
        int cores = Runtime.getRuntime().availableProcessors();
        return params < SMALL_MODEL ? Math.min(2, cores) : cores;
    }

    private static volatile int applied;
    private static volatile long appliedParams;

    /** The thread count last applied, or 0 when ND4J's default is in use. */
    public static int applied() {
        return applied;
    }

    /** The most threads that may be asked for: four per processor, more only slows training down. */
    public static int max() {
        return 4 * Runtime.getRuntime().availableProcessors();
    }

    /**
     * Uses up to {@code threads} threads to train a model of {@code params} parameters: a large model gives them all to
     * ND4J and OpenBLAS; a small one keeps those on the training thread and, with 2 or more, splits its large products
     * over two ({@link #applied} is then 2).
     */
    public static void apply(int threads, long params) {
        if (threads < 1 || threads > max()) {
            throw new IllegalArgumentException("must be from 1 to " + max() + " (4 × the " + (max() / 4)
                    + " processors here); got " + threads);
        }
        boolean small = params < SMALL_MODEL;
        int own = small ? 1 : threads;
        appliedParams = params;
        applied = small ? Math.min(threads, 2) : threads;
        Nd4j.getEnvironment().setMaxThreads(own);
        Nd4j.getEnvironment().setMaxMasterThreads(own);
        Nd4j.factory().blas().setMaxThreads(own);
        // libnd4j's OpenMP loops (softmax among them) keep their own team, sized to the processors whatever the
        // two settings above say; its threads spin at every barrier, so a [64 × 32] softmax took 2 ms instead of
        // 0.08 ms whenever another process was busy on the other core (ADR 0011).
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(own);
        SplitGemm.threads(small ? threads : 1);
    }

    /** Applies the {@link #recommended} threads for a model of {@code params} parameters. */
    public static void applyRecommended(long params) {
        apply(recommended(params), params);
    }

    /** The model size the last setting was applied for. */
    static long appliedParams() {
        return appliedParams;
    }

    /**
     * Applies the last setting again on this thread (OpenMP keeps its thread count per thread, and OpenBLAS follows
     * the calling thread's); nothing if none was applied.
     */
    public static void reapply() {
        if (applied > 0) {
            apply(applied, appliedParams);
        }
    }
}
