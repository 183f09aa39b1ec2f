package dev.deepwire.training.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A child of a waiting command line judges whether that parent is still there: by its id and its start time. */
class ParentWatchTest {

    @Test
    void aLiveParentIsThere() {
        assertThat(ParentWatch.gone(ParentWatch.thisProcess())).isFalse();
    }

    @Test
    void anEndedParentIsGone() throws Exception {
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long pid = p.pid();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ParentWatch.gone(pid + ":0")).isTrue();
    }

    @Test
    void anIdNowUsedByAnotherProcessIsGone() {
        long pid = ProcessHandle.current().pid();
        long started = Long.parseLong(ParentWatch.thisProcess().split(":")[1]);
        assertThat(ParentWatch.gone(pid + ":" + (started - 60_000))).as("same id, started a minute apart").isTrue();
    }

    @Test
    void aValueItCannotReadKeepsTheChildRunning() {
        assertThat(ParentWatch.gone("not a process")).isFalse();
    }
}
