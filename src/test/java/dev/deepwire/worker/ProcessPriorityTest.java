package dev.deepwire.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProcessPriorityTest {
    @Test
    void everyThreadAndTheOnesStartedLaterYield() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        // Nice 1: the least a test JVM can give away (it cannot take it back).
        ProcessPriority.yieldTo(1, 1);
        assertThat(ProcessPriority.niceOf(tid())).isGreaterThanOrEqualTo(1);
        int[] later = new int[1];
        Thread t = new Thread(() -> later[0] = ProcessPriority.niceOf(tid()));
        t.start();
        t.join();
        assertThat(later[0]).as("a thread started afterwards").isGreaterThanOrEqualTo(1);
        assertThat(ProcessPriority.yieldTo(1, 1)).as("already yielded: nothing changes").isZero();
    }

    @Test
    void theJitCompilerYieldsFurther() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        int base = ProcessPriority.niceOf(tid()); // 1 if the test above ran first; more if the build runs niced
        assumeTrue(base <= 17, "room to yield");
        ProcessPriority.yieldTo(base + 1, base + 2);
        List<Integer> compilers = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                if (Files.readString(task.resolve("comm")).startsWith("C2 CompilerThre")) {
                    compilers.add(Integer.parseInt(task.getFileName().toString()));
                }
            }
        }
        assertThat(compilers).as("HotSpot's C2 compiler threads, by name").isNotEmpty();
        for (int tid : compilers) {
            assertThat(ProcessPriority.niceOf(tid)).isEqualTo(base + 2);
        }
        assertThat(ProcessPriority.niceOf(tid())).as("this (not a compiler) thread").isEqualTo(base + 1);
    }

    private static int tid() {
        try {
            return Integer.parseInt(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
