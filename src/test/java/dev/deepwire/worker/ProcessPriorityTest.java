package dev.deepwire.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.deepwire.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The window's process yields to a training process. A process cannot take its priority back, so the yielding
 * happens in a JVM of its own ({@link ProcessPriorityChild}): the test JVM, and the tests after this one, keep theirs.
 */
class ProcessPriorityTest {
    @Test
    void everyThreadAndTheOnesStartedLaterYieldAndTheJitCompilerYieldsFurther() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        int base = ProcessPriority.niceOf(ProcessPriorityChild.tid()); // the child starts at this JVM's nice value
        assumeTrue(base <= 17, "room to yield");
        Map<String, String> seen = ChildJvm.run(ProcessPriorityChild.class, String.valueOf(base + 1), String.valueOf(base + 2))
                .lines().map(l -> l.split("=", 2)).collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
        assertThat(seen.get("before")).isEqualTo(String.valueOf(base));
        assertThat(Integer.parseInt(seen.get("changed"))).as("threads changed").isPositive();
        assertThat(seen.get("self")).as("the calling (not a compiler) thread").isEqualTo(String.valueOf(base + 1));
        assertThat(seen.get("later")).as("a thread started afterwards").isEqualTo(String.valueOf(base + 1));
        assertThat(seen.get("reader")).as("the thread reading a run's messages keeps its priority, so the dock keeps up")
                .isEqualTo(String.valueOf(base));
        assertThat(seen.get("again")).as("already yielded: nothing changes").isEqualTo("0");
        List<String> compilers = Arrays.asList(seen.get("compilers").replaceAll("[\\[\\] ]", "").split(","));
        assertThat(compilers).as("HotSpot's C2 compiler threads, by name").isNotEmpty()
                .allMatch(n -> n.equals(String.valueOf(base + 2)));
        assertThat(ProcessPriority.niceOf(ProcessPriorityChild.tid())).as("this JVM kept its priority").isEqualTo(base);
    }
}
