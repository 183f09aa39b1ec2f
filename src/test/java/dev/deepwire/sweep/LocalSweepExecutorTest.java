package dev.deepwire.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class LocalSweepExecutorTest {

    private static SweepTask task(String name) {
        return new SweepTask(name, "/nowhere/p.dwproj", "{}", Map.of("x", name.substring(name.length() - 1)));
    }

    @Test
    void aCrashedProcessAndAFailedRunAreFailedOutcomesWithTheirReasonAndTheOtherRunsFinish() throws Exception {
        List<SweepTask> tasks = List.of(task("s-1"), task("s-2"), task("s-3"), task("s-4"), task("s-5"));
        Map<String, SweepOutcome> outcomes = new ConcurrentHashMap<>();
        Set<String> started = ConcurrentHashMap.newKeySet();
        try (LocalSweepExecutor executor = new LocalSweepExecutor(2)) {
            assertThat(executor.describe()).isEqualTo("2 local processes");
            executor.onRunStarted(started::add);
            executor.run(tasks, new FakeSweepBody(Set.of("s-4"), Set.of("s-2")), o -> outcomes.put(o.runName(), o));
        }

        assertThat(outcomes).containsOnlyKeys("s-1", "s-2", "s-3", "s-4", "s-5");
        assertThat(started).containsExactlyInAnyOrder("s-1", "s-2", "s-3", "s-4", "s-5");
        assertThat(outcomes.get("s-2").finished()).isFalse();
        assertThat(outcomes.get("s-2").reason()).contains("ended unexpectedly").contains("exit code 7")
                .contains("fake crash of s-2");
        assertThat(outcomes.get("s-4").finished()).isFalse();
        assertThat(outcomes.get("s-4").reason()).isEqualTo("the loss diverged (fake)");
        for (String ok : List.of("s-1", "s-3", "s-5")) {
            assertThat(outcomes.get(ok).finished()).as(ok).isTrue();
            assertThat(new String(outcomes.get(ok).files().get("run.json"))).contains("\"selectionValue\":" + ok.charAt(2));
        }
    }
}
