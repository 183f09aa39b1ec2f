package dev.deepwire.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A training process asked to stop is ended as stuck only when it does no work: under load a run asked to stop took
 * longer than the grace to score its validation set and save its model, and was ended — the run lost.
 */
class ProcessDeadlinesTest {
    @Test
    void aProcessAskedToEndThatKeepsWorkingIsGivenMoreTime() throws Exception {
        Process busy = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        try {
            ProcessDeadlines deadlines = new ProcessDeadlines(busy, Duration.ofMillis(500));
            deadlines.endUnlessHeardWithin("did not stop");
            // three graces: a process seen working is given another each time
            assertThat(busy.waitFor(1600, TimeUnit.MILLISECONDS)).as("ended while it worked").isFalse();
            assertThat(deadlines.endedBecause()).isNull();
        } finally {
            busy.destroyForcibly().waitFor();
        }
    }

    @Test
    void aProcessAskedToEndThatDoesNothingIsEndedAfterOneGrace() throws Exception {
        Process idle = new ProcessBuilder("sleep", "60").start();
        try {
            ProcessDeadlines deadlines = new ProcessDeadlines(idle, Duration.ofMillis(500));
            deadlines.endUnlessHeardWithin("did not stop");
            assertThat(idle.waitFor(20, TimeUnit.SECONDS)).as("ended").isTrue();
            assertThat(deadlines.endedBecause()).isEqualTo("did not stop");
        } finally {
            idle.destroyForcibly().waitFor();
        }
    }
}
