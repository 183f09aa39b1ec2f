package dev.deepwire.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.sweep.SweepExecutor;
import dev.deepwire.sweep.HeadlessSweepRun;
import dev.deepwire.sweep.SweepExecutorFactory;
import dev.deepwire.sweep.SweepOutcome;
import dev.deepwire.sweep.SweepTask;
import dev.deepwire.sweep.SweepTaskBody;
import dev.deepwire.testing.SmallMarker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep on Spark in local[2]: each task a Spark task, outcomes as runs end, a failing task a run that did not finish. */
class SparkSweepExecutorTest {
    /** Local mode runs tasks in this JVM: the slow task waits here until the other three outcomes have come back. */
    static final CountDownLatch OTHERS_BACK = new CountDownLatch(3);

    @TempDir
    Path dir;

    @Test
    void fourTasksComeBackAsEachEndsAndAFailingOneIsARunThatDidNotFinish() throws Exception {
        Path project = SmallMarker.file(dir, "marker.dwproj");
        String json = Files.readString(project);
        List<SweepTask> tasks = List.of(
                new SweepTask("slow", project.toString(), json, Map.of("kind", "slow")),
                new SweepTask("bad", project.toString(), json, Map.of("kind", "bad")),
                new SweepTask("trained", project.toString(), json.replace("\"seed\": 42", "\"seed\": 43"),
                        Map.of("kind", "train", "training.seed", "43")),
                new SweepTask("quick", project.toString(), json, Map.of("kind", "quick")));
        Map<String, SweepOutcome> back = new ConcurrentHashMap<>();
        List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        SweepExecutorFactory factory = ServiceLoader.load(SweepExecutorFactory.class).findFirst().orElseThrow();
        try (SweepExecutor spark = factory.open("local[2]")) {
            assertThat(spark.describe()).isEqualTo("Spark local[2]");
            spark.run(tasks, new Body(), outcome -> {
                back.put(outcome.runName(), outcome);
                order.add(outcome.runName());
                if (!outcome.runName().equals("slow")) {
                    OTHERS_BACK.countDown();
                }
            });
        }
        assertThat(back).hasSize(4);
        // The slow run only ends once the three others were handed back: outcomes arrive as their runs end.
        assertThat(order.get(3)).isEqualTo("slow");
        assertThat(back.get("slow").finished()).as(back.get("slow").reason()).isTrue();
        assertThat(back.get("quick").finished()).isTrue();
        assertThat(new String(back.get("quick").files().get("run.json"), StandardCharsets.UTF_8)).contains("\"kind\":\"quick\"");
        assertThat(back.get("bad").finished()).isFalse();
        assertThat(back.get("bad").reason()).startsWith("Spark: ").contains("bad value for training.learningRate: -1");
        SweepOutcome trained = back.get("trained");
        assertThat(trained.finished()).as(trained.reason()).isTrue();
        String metrics = new String(trained.files().get("metrics.csv"), StandardCharsets.UTF_8);
        assertThat(metrics.lines().findFirst()).hasValue(dev.deepwire.training.MetricsCsv.HEADER);
        assertThat(metrics.lines().filter(l -> l.startsWith("5,")).count()).isGreaterThanOrEqualTo(1);
        assertThat(trained.files().get("model.zip")).hasSizeGreaterThan(1000);
        assertThat(new String(trained.files().get("run.json"), StandardCharsets.UTF_8)).contains("43");
    }

    /** The sweep's own body for one run (a real five-step training), and stand-ins: a quick run, a slow one, a broken one. */
    record Body() implements SweepTaskBody {
        @Override
        public SweepOutcome run(SweepTask task) {
            switch (task.settings().get("kind")) {
                case "bad" -> throw new IllegalArgumentException("bad value for training.learningRate: -1");
                case "slow" -> {
                    try {
                        if (!OTHERS_BACK.await(120, TimeUnit.SECONDS)) {
                            return SweepOutcome.failed(task.runName(), "the other outcomes never came back");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return SweepOutcome.failed(task.runName(), "interrupted");
                    }
                    return done(task, Map.of());
                }
                case "train" -> {
                    return new HeadlessSweepRun(5, 1).run(task); // the sweep's own body: a real five-step run
                }
                default -> {
                    return done(task, Map.of());
                }
            }
        }

        private static SweepOutcome done(SweepTask task, Map<String, byte[]> files) {
            Map<String, byte[]> all = new HashMap<>(files);
            all.put("run.json", ("{\"kind\":\"" + task.settings().get("kind") + "\"}").getBytes(StandardCharsets.UTF_8));
            return new SweepOutcome(task.runName(), true, null, all);
        }
    }
}
