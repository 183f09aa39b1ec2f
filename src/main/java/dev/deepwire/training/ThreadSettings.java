package dev.deepwire.training;

import org.nd4j.linalg.factory.Nd4j;

/** Sets how many threads ND4J's op executor and BLAS use (small models often run faster on fewer). */
public final class ThreadSettings {
    private ThreadSettings() {
    }

    public static void apply(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1; got " + threads);
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }
}
