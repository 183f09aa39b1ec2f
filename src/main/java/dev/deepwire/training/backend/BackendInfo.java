package dev.deepwire.training.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/** Describes the ND4J backend in use: CPU with instruction set and threads, or the GPU. */
public final class BackendInfo {
    private BackendInfo() {
    }

    /** E.g. "CPU (AVX2, 2 threads, OpenBLAS)". Loads ND4J if it is not loaded yet. */
    public static String describe() {
        Properties p = Nd4j.getExecutioner().getEnvironmentInformation();
        String backend = String.valueOf(p.getOrDefault("backend", "CPU"));
        Object threads = ThreadSettings.applied() > 0 ? ThreadSettings.applied() : Nd4j.getEnvironment().maxThreads();
        if (backend.toLowerCase().contains("cuda")) {
            return "GPU (" + p.getOrDefault("cuda.devicesInformation", "CUDA") + ")";
        }
        String isa = cpuFeatures();
        return "CPU (" + isa + ", " + threads + (Integer.valueOf(1).equals(threads) ? " thread, " : " threads, ") + p.getOrDefault("blas.vendor", "BLAS") + ")";
    }

    private static String cpuFeatures() {
        try {
            String flags = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("flags")).findFirst().orElse("");
            if (flags.contains(" avx512f")) {
                return "AVX-512";
            }
            if (flags.contains(" avx2")) {
                return "AVX2";
            }
            return flags.contains(" avx") ? "AVX" : "SSE";
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }
}
