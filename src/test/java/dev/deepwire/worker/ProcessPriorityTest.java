package dev.deepwire.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcessPriorityTest {
    @Test
    void everyThreadAndTheOnesStartedLaterYield() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        // Nice 1: the least a test JVM can give away (it cannot take it back).
        ProcessPriority.yieldTo(1);
        assertThat(ProcessPriority.niceOf(tid())).isGreaterThanOrEqualTo(1);
        int[] later = new int[1];
        Thread t = new Thread(() -> later[0] = ProcessPriority.niceOf(tid()));
        t.start();
        t.join();
        assertThat(later[0]).as("a thread started afterwards").isGreaterThanOrEqualTo(1);
        assertThat(ProcessPriority.yieldTo(1)).as("already yielded: nothing changes").isZero();
    }

    private static int tid() {
        try {
            return Integer.parseInt(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
