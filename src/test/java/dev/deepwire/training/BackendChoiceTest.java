package dev.deepwire.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Choosing the backend: the default build has no CUDA, so CUDA is refused with a note and the CPU is kept. */
class BackendChoiceTest {

    @Test
    void theDefaultBuildRunsOnTheCpuWithoutRelaunching() {
        assertThat(BackendChoice.cudaInBuild()).isFalse();
        assertThat(BackendChoice.current()).isEqualTo(BackendChoice.Backend.CPU);
        assertThat(BackendChoice.needsRelaunch(BackendChoice.Backend.CPU)).isFalse();
        assertThat(BackendChoice.needsRelaunch(BackendChoice.Backend.CUDA)).as("nothing to relaunch into").isFalse();
        assertThat(BackendChoice.note(BackendChoice.Backend.CUDA)).contains("no CUDA backend").contains("-Pcuda").contains("CPU");
        assertThat(BackendChoice.note(BackendChoice.Backend.CPU)).isEmpty();
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
