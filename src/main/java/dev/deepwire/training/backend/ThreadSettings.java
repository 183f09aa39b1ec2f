package dev.deepwire.training.backend;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/** Sets how many threads ND4J's op executor and BLAS use (small models often run faster on fewer). */
public final class ThreadSettings {
    private ThreadSettings() {
    }

    /**
     * Threads that train a model of this size fastest. Small models are dominated by per-operation
     * overhead, where a second thread costs more in hand-offs than it gains (marker: 78 ms/step on one
     * thread, 118 ms on two, on a 2-core machine).
     */
    public static int recommended(long params) {
        int cores = Runtime.getRuntime().availableProcessors();
        return params < 5_000_000 ? 1 : cores;
    }

    private static volatile int applied;

    /** The thread count last applied, or 0 when ND4J's default is in use. */
    public static int applied() {
        return applied;
    }

    /** The most threads that may be asked for: four per processor, more only slows training down. */
    public static int max() {
        return 4 * Runtime.getRuntime().availableProcessors();
    }

    public static void apply(int threads) {
        if (threads < 1 || threads > max()) {
            throw new IllegalArgumentException("must be from 1 to " + max() + " (4 × the " + (max() / 4)
                    + " processors here); got " + threads);
        }
        applied = threads;
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        // libnd4j's OpenMP loops (softmax among them) keep their own team, sized to the processors whatever the
        // two settings above say; its threads spin at every barrier, so a [64 × 32] softmax took 2 ms instead of
        // 0.08 ms whenever another process was busy on the other core (ADR 0011).
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }
}
