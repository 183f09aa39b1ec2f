package dev.deepwire.training.backend;

import org.nd4j.linalg.factory.Nd4j;

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

    public static void apply(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1; got " + threads);
        }
        applied = threads;
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }
}
