package dev.deepwire.training.backend;

import dev.deepwire.training.backend.NativeTuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NativeTuningTest {
    private static final Set<String> AVX512 = Set.of("sse2", "avx", "avx2", "fma", "avx512f", "avx512cd", "avx512bw",
            "avx512dq", "avx512vl");

    @Test
    void picksOpenBlasKernelsFromTheCpuFlags() {
        assertThat(NativeTuning.coreType(AVX512)).isEqualTo("SkylakeX");
        assertThat(NativeTuning.coreType(Set.of("sse2", "avx", "avx2", "fma"))).isEqualTo("Haswell");
        // AVX-512 foundation alone (Knights Landing) lacks what the SkylakeX kernels use.
        assertThat(NativeTuning.coreType(Set.of("avx2", "fma", "avx512f"))).isEqualTo("Haswell");
        assertThat(NativeTuning.coreType(Set.of("sse2", "avx"))).isNull();
    }

    @Test
    void keepsWhatTheUserSet() {
        assertThat(NativeTuning.wanted(AVX512, Map.of()))
                .containsEntry("OPENBLAS_CORETYPE", "SkylakeX").containsEntry("OMP_WAIT_POLICY", "PASSIVE");
        assertThat(NativeTuning.wanted(AVX512, Map.of("OPENBLAS_CORETYPE", "Haswell", "OMP_WAIT_POLICY", "ACTIVE"))).isEmpty();
        assertThat(NativeTuning.wanted(Set.of("sse2"), Map.of())).containsOnlyKeys("OMP_WAIT_POLICY");
    }

    @Test
    void readsThisMachinesFlagsAndReportsWhatItSet() {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux")
                && Set.of("amd64", "x86_64").contains(System.getProperty("os.arch")), "tuning applies to Linux on x86-64 only");
        Map<String, String> applied = NativeTuning.prepare();
        assertThat(NativeTuning.prepare()).isEqualTo(applied);
        assertThat(NativeTuning.cpuFlags()).contains("sse2");
        Map<String, String> expected = NativeTuning.wanted(NativeTuning.cpuFlags(), Map.of());
        // Set unless the environment of the test run already had it.
        expected.forEach((k, v) -> assertThat(System.getenv(k) != null || v.equals(applied.get(k))).as(k).isTrue());
    }
}
