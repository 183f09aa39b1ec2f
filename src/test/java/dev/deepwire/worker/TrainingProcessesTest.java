package dev.deepwire.worker;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.inspect.AttentionRecorder;
import dev.deepwire.inspect.CaptureSpec;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.training.RunControl;
import dev.deepwire.training.RunOptions;
import dev.deepwire.training.RunState;
import dev.deepwire.training.TrainingEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs trained in a real training process (a second JVM on this test's class path). */
class TrainingProcessesTest {
    private final TrainingProcesses processes = new TrainingProcesses((launch, listener) -> {
        throw new AssertionError("the run fell back to training in this process");
    }, 0, 0);
    private final BlockingQueue<TrainingEvent> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<AttentionRecorder.Snapshot> captures = new LinkedBlockingQueue<>();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        processes.close();
    }

    /** The marker sample made small, so a step takes a few milliseconds. */
    private RunLauncher.Launch marker(String run, long maxSteps, CaptureSpec capture) throws Exception {
        return marker(run, maxSteps, capture, 0);
    }

    private RunLauncher.Launch marker(String run, long maxSteps, CaptureSpec capture, double healthBudget) throws Exception {
        Project p = SmallMarker.project(Map.of("vocabulary", 32, "train", 512, "validation", 64, "seed", 1));
        TrainingSettings settings = new TrainingSettings(50, 32, "adam", 1e-3, 42, 0, 0);
        p.setTraining(settings);
        return new RunLauncher.Launch(p, Path.of("sample-projects").toAbsolutePath(), null, null, settings,
                new RunOptions(maxSteps, dir.resolve(run), "marker", 10).withHealthBudget(healthBudget), capture, captures::add);
    }

    private TrainingEvent next(Predicate<TrainingEvent> wanted) throws InterruptedException {
        while (true) {
            TrainingEvent e = events.poll(120, TimeUnit.SECONDS);
            assertThat(e).as("an event from the training process within two minutes").isNotNull();
            assertThat(e).as("no failure").isNotInstanceOf(TrainingEvent.RunFailed.class);
            if (wanted.test(e)) {
                return e;
            }
        }
    }

    @Test
    void aRunTrainsInItsOwnProcessWithLiveCapturesAndSavesItsModel() throws Exception {
        processes.prestart();
        processes.spareReady().get(120, TimeUnit.SECONDS); // the run takes the spare, its Ready line already read
        RunControl run = processes.start(marker("full", 45, new CaptureSpec(List.of("attn"), 4, 20)), events::add);

        var started = (TrainingEvent.RunStarted) next(e -> e instanceof TrainingEvent.RunStarted);
        assertThat(started.stepsPerEpoch()).isEqualTo(16);
        assertThat(next(e -> e instanceof TrainingEvent.HealthMeasured)).isNotNull();
        var finished = (TrainingEvent.RunFinished) next(e -> e instanceof TrainingEvent.RunFinished);
        assertThat(finished.steps()).isEqualTo(45);
        assertThat(finished.reason()).isEqualTo("step limit 45 reached");
        assertThat(run.state()).isEqualTo(RunState.FINISHED);

        // Captured at step 1, every 20 steps and once more at the end, each verified against the recomputed maps.
        List<Long> steps = captures.stream().map(AttentionRecorder.Snapshot::step).toList();
        assertThat(steps).containsExactly(1L, 20L, 40L, 45L);
        assertThat(captures).allSatisfy(s -> {
            assertThat(s.nodeId()).isEqualTo("attn");
            assertThat(s.weights()).hasNumberOfRows(4);
            assertThat(s.maxError()).isLessThan(1e-4);
        });

        // The ended run's model is handed over, and is the one saved in the run folder.
        Path saved = dir.resolve("full/model.zip");
        assertThat(run.savedModel()).contains(saved);
        assertThat(run.model()).isNotNull();
        assertThat(ModelSerializer.restoreComputationGraph(saved.toFile(), false).params())
                .isEqualTo(run.model().params());
        assertThat(dir.resolve("full/project.dwproj")).as("the run folder keeps what was trained").exists();
    }

    @Test
    void observationBudgetsReachTheTrainingProcess() throws Exception {
        // Budgets no observation fits: after the first step (not counted) and the next one on the grid (its cost not
        // yet known), health and captures wait for ever; the last step is still captured.
        processes.start(marker("budget", 45, new CaptureSpec(List.of("attn"), 4, 20, 1e-12), 1e-12), events::add);
        List<Long> health = new ArrayList<>();
        next(e -> {
            if (e instanceof TrainingEvent.HealthMeasured h) {
                health.add(h.step());
            }
            return e instanceof TrainingEvent.RunFinished;
        });
        assertThat(health).containsExactly(1L, 10L);
        assertThat(captures).extracting(AttentionRecorder.Snapshot::step).containsExactly(1L, 20L, 45L);
    }

    @Test
    void pauseHandsOverTheModelAndStopEndsTheRun() throws Exception {
        RunControl run = processes.start(marker("paused", 0, null), events::add);
        next(e -> e instanceof TrainingEvent.StepCompleted);
        run.pause();
        next(e -> e instanceof TrainingEvent.StateChanged c && c.state() == RunState.PAUSED);
        assertThat(run.state()).isEqualTo(RunState.PAUSED);
        assertThat(run.model()).as("the paused model, readable here").isNotNull();
        assertThat(run.model().params().length()).isGreaterThan(1_000);
        assertThat(dir.resolve("paused/.paused-model.zip")).as("the temporary copy is removed once read").doesNotExist();

        run.resume();
        next(e -> e instanceof TrainingEvent.StateChanged c && c.state() == RunState.RUNNING);
        run.stop();
        var stopped = (TrainingEvent.RunStopped) next(e -> e instanceof TrainingEvent.RunStopped);
        assertThat(stopped.steps()).isGreaterThan(0).isLessThan(50L * 16);
        assertThat(run.state()).isEqualTo(RunState.STOPPED);
        assertThat(Files.exists(dir.resolve("paused/model.zip"))).isTrue();
    }

    @Test
    void aProcessEndedMidRunEndsTheRunWithAMessage() throws Exception {
        var run = (WorkerRun) processes.start(marker("killed", 0, null), events::add);
        next(e -> e instanceof TrainingEvent.StepCompleted);
        run.kill();
        TrainingEvent last;
        do {
            last = events.poll(60, TimeUnit.SECONDS);
            assertThat(last).as("the run reports its end").isNotNull();
        } while (!(last instanceof TrainingEvent.RunFailed));
        assertThat(((TrainingEvent.RunFailed) last).message()).startsWith("the training process was ended as the workbench closed (exit code ");
        assertThat(run.state()).isEqualTo(RunState.FAILED);
    }
}
