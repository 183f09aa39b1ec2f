package dev.deepwire.training.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Settings for ND4J's native libraries that must be in the process environment before they load.
 *
 * <ul>
 *   <li>{@code OPENBLAS_CORETYPE}: OpenBLAS 0.3.19 (the one ND4J 1.0.0-M2.1 ships) does not recognise CPUs
 *       newer than it and falls back to its generic {@code Prescott} (SSE3) kernels; on this project's
 *       AVX-512 build machine that made matrix products 3–4× slower and a marker training step twice as
 *       long. The kernels are picked from the CPU's own feature flags instead: {@code SkylakeX} with
 *       AVX-512, {@code Haswell} with AVX2 and FMA.</li>
 *   <li>{@code OMP_WAIT_POLICY=PASSIVE}: the training thread calls OpenBLAS with the process's default
 *       OpenMP thread count, and an idle OpenMP worker spins on a core that the JIT and GC need.</li>
 * </ul>
 *
 * A value the user set is kept. Environment changes reach native code through libc's {@code setenv}
 * ({@code org.bytedeco.systems}); on other systems, or if that fails, nothing changes and training is
 * only slower.
 */
public final class NativeTuning {
    private static final Map<String, String> APPLIED = new LinkedHashMap<>();
    private static boolean prepared;

    private NativeTuning() {
    }

    /** Sets the variables that are not set yet. Call before anything loads ND4J; later calls do nothing. */
    public static synchronized Map<String, String> prepare() {
        if (prepared) {
            return Map.copyOf(APPLIED);
        }
        prepared = true;
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                || !"amd64".equals(System.getProperty("os.arch")) && !"x86_64".equals(System.getProperty("os.arch"))) {
            return Map.of();
        }
        Map<String, String> wanted = wanted(cpuFlags(), System.getenv());
        for (var e : wanted.entrySet()) {
            try {
                if (org.bytedeco.systems.global.linux.setenv(e.getKey(), e.getValue(), 0) == 0) {
                    APPLIED.put(e.getKey(), e.getValue());
                }
            } catch (Throwable t) { // a missing native library: leave the defaults
                break;
            }
        }
        String core = APPLIED.getOrDefault("OPENBLAS_CORETYPE", System.getenv("OPENBLAS_CORETYPE"));
        dev.deepwire.compiler.layers.BlasKernels.use(core); // the layers' one choice that depends on the kernels
        return Map.copyOf(APPLIED);
    }

    /** What {@link #prepare()} set, for the status bar and reports. */
    public static synchronized Map<String, String> applied() {
        return Map.copyOf(APPLIED);
    }

    /** The variables to set for a CPU with these feature flags, leaving alone those already in {@code env}. */
    static Map<String, String> wanted(Set<String> flags, Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        String core = coreType(flags);
        if (core != null && !env.containsKey("OPENBLAS_CORETYPE")) {
            out.put("OPENBLAS_CORETYPE", core);
        }
        if (!env.containsKey("OMP_WAIT_POLICY")) {
            out.put("OMP_WAIT_POLICY", "PASSIVE");
        }
        return out;
    }

    /** OpenBLAS's kernel family for these CPU flags, or null to let OpenBLAS decide. */
    static String coreType(Set<String> flags) {
        if (flags.containsAll(List.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"))) {
            return "SkylakeX";
        }
        if (flags.containsAll(List.of("avx2", "fma"))) {
            return "Haswell";
        }
        return null;
    }

    /** The feature flags of the first CPU in {@code /proc/cpuinfo}; empty when it cannot be read. */
    static Set<String> cpuFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    List<String> words = new ArrayList<>(List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+")));
                    return Set.copyOf(words);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not readable: no tuning
        }
        return Set.of();
    }
}
