package dev.deepwire.training.backend;

import dev.deepwire.training.backend.BackendChoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * Choosing the backend: the default build has no CUDA, so CUDA is refused with a note and the CPU is kept; a
 * {@code -Pcuda} build relaunches for CUDA. Each build runs the test that applies to it.
 */
class BackendChoiceTest {

    @Test
    void theDefaultBuildRunsOnTheCpuWithoutRelaunching() {
        assumeFalse(BackendChoice.cudaInBuild(), "this build has the CUDA backend (-Pcuda)");
        assertThat(BackendChoice.current()).isEqualTo(BackendChoice.Backend.CPU);
        assertThat(BackendChoice.needsRelaunch(BackendChoice.Backend.CPU)).isFalse();
        assertThat(BackendChoice.needsRelaunch(BackendChoice.Backend.CUDA)).as("nothing to relaunch into").isFalse();
        assertThat(BackendChoice.note(BackendChoice.Backend.CUDA)).contains("no CUDA backend").contains("-Pcuda").contains("CPU");
        assertThat(BackendChoice.note(BackendChoice.Backend.CPU)).isEmpty();
    }

    @Test
    void aCudaBuildRelaunchesForCudaWithoutANote() {
        assumeTrue(BackendChoice.cudaInBuild(), "the default build has no CUDA backend");
        assumeTrue(System.getenv(BackendChoice.ENV_CHOSEN) == null, "the tests run in a JVM started for a backend");
        assertThat(BackendChoice.current()).isEqualTo(BackendChoice.Backend.CPU);
        assertThat(BackendChoice.needsRelaunch(BackendChoice.Backend.CUDA)).isTrue();
        assertThat(BackendChoice.needsRelaunch(BackendChoice.Backend.CPU)).isFalse();
        assertThat(BackendChoice.note(BackendChoice.Backend.CUDA)).isEmpty();
    }

    @Test
    void theBackendOptionIsReadFromTheArguments() {
        assertThat(BackendChoice.fromArgs(new String[] {"train", "x.dwproj", "--backend", "cuda"}, BackendChoice.Backend.CPU))
                .isEqualTo(BackendChoice.Backend.CUDA);
        assertThat(BackendChoice.fromArgs(new String[] {"train", "--backend=cpu"}, BackendChoice.Backend.CUDA))
                .isEqualTo(BackendChoice.Backend.CPU);
        assertThat(BackendChoice.fromArgs(new String[] {"validate", "x"}, BackendChoice.Backend.CPU)).isEqualTo(BackendChoice.Backend.CPU);
    }
}
