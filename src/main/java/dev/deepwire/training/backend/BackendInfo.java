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

    /**
     * The libraries a run trains with, without loading them: "Deeplearning4j 1.0.0-M2.1, ND4J 1.0.0-M2.1" (each
     * version from its jar's Maven record; "version unknown" where the jar has none).
     */
    public static String libraries() {
        return "Deeplearning4j " + version("org.deeplearning4j", "deeplearning4j-nn") + ", ND4J "
                + version("org.nd4j", "nd4j-api");
    }

    /**
     * Which matrix kernels OpenBLAS uses: the family {@link NativeTuning} chose from the CPU's flags (or the user's
     * OPENBLAS_CORETYPE), else OpenBLAS's own choice.
     */
    public static String kernels() {
        String chosen = NativeTuning.applied().get("OPENBLAS_CORETYPE");
        String own = System.getenv("OPENBLAS_CORETYPE");
        return chosen != null ? "OpenBLAS " + chosen + " kernels (chosen from this CPU's features)"
                : own != null ? "OpenBLAS " + own + " kernels (OPENBLAS_CORETYPE)"
                : "OpenBLAS kernels chosen by OpenBLAS";
    }

    private static String version(String group, String artifact) {
        String at = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (var in = BackendInfo.class.getResourceAsStream(at)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "version unknown");
            }
        } catch (IOException e) {
            // said as unknown
        }
        return "version unknown";
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
