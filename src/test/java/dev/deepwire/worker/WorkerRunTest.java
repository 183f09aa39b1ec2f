package dev.deepwire.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.TrainingSettings;
import dev.deepwire.testing.ChildJvm;
import dev.deepwire.training.RunState;
import dev.deepwire.training.TrainingEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The workbench's side of a training process that misbehaves, with {@link FakeTrainingProcess} standing in for
 * it: nothing is waited for without a limit, a process that will not stop is ended, nonsense is not trusted,
 * and controls given before the run is sent arrive after it.
 */
class WorkerRunTest {
    /** Generous limits except the one a case is about (short, so each case takes seconds). */
    private static final WorkerRun.Timeouts PATIENT = new WorkerRun.Timeouts(Duration.ofSeconds(60), Duration.ofSeconds(60),
            Duration.ofSeconds(20));
    private final BlockingQueue<TrainingEvent> events = new LinkedBlockingQueue<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private Process process;

    @AfterEach
    void cleanUp() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private WorkerRun launch(String mode, WorkerRun.Timeouts timeouts) throws Exception {
        process = new ProcessBuilder(ChildJvm.command(FakeTrainingProcess.class, mode)).start();
        return new WorkerRun(process, timeouts);
    }

    private void begin(WorkerRun run) {
        run.begin(new WorkerMessage.Start(Path.of("p.dwproj"), Path.of("."), TrainingSettings.defaults(), 0, Path.of("run"),
                0, 0, null), events::add, s -> { }, ended::countDown);
    }

    /** The run's failure, which must come (with nothing after it) before the run reports its process gone. */
    private TrainingEvent.RunFailed failure() throws InterruptedException {
        assertThat(ended.await(60, TimeUnit.SECONDS)).as("the run ended").isTrue();
        TrainingEvent last = null;
        for (TrainingEvent e : events) {
            last = e;
        }
        assertThat(last).isInstanceOf(TrainingEvent.RunFailed.class);
        return (TrainingEvent.RunFailed) last;
    }

    @Test
    void aProcessThatNeverSaysReadyIsEndedAndItsRunFails() throws Exception {
        WorkerRun run = launch("silent", new WorkerRun.Timeouts(Duration.ofSeconds(2), PATIENT.reply(), PATIENT.stopGrace()));
        begin(run);
        assertThat(failure().message()).startsWith("the training process did not say it was ready within 2 s and was ended")
                .contains("train again");
        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aSpareThatNeverSaysReadyIsEndedSoTheNextRunTakesAnother() throws Exception {
        WorkerRun spare = launch("silent", new WorkerRun.Timeouts(Duration.ofSeconds(2), PATIENT.reply(), PATIENT.stopGrace()));
        spare.ready().get(30, TimeUnit.SECONDS); // completes once the process is gone
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(spare.alive()).isFalse();
    }

    @Test
    void aProcessThatNeverAnswersItsRunIsEnded() throws Exception {
        WorkerRun run = launch("mute", new WorkerRun.Timeouts(PATIENT.ready(), Duration.ofSeconds(2), PATIENT.stopGrace()));
        run.ready().get(30, TimeUnit.SECONDS);
        begin(run);
        assertThat(failure().message()).startsWith("the training process did not answer the run it was sent within 2 s "
                + "and was ended");
    }

    @Test
    void aProcessStuckAfterStopIsEndedForcibly() throws Exception {
        WorkerRun run = launch("stuck", new WorkerRun.Timeouts(PATIENT.ready(), PATIENT.reply(), Duration.ofSeconds(1)));
        begin(run);
        TrainingEvent first = events.poll(30, TimeUnit.SECONDS);
        assertThat(first).isEqualTo(new TrainingEvent.StateChanged(RunState.RUNNING));
        long asked = System.nanoTime();
        run.stop();
        assertThat(failure().message()).startsWith("the training process did not stop within 1 s of being asked and was "
                + "ended (exit code 137)"); // SIGKILL: its shutdown hook never let SIGTERM end it
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(30));
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void garbageIsNotTrustedAndTheRunFailsWithTheProcessesLastWords() throws Exception {
        WorkerRun run = launch("garbage", PATIENT);
        begin(run);
        TrainingEvent.RunFailed failure = failure();
        assertThat(events).as("no half message reached the listener").containsExactly(failure);
        assertThat(failure.message()).startsWith("the training process ended unexpectedly (exit code 3); its last words: ")
                .contains("{not json");
    }

    @Test
    void controlsGivenBeforeTheRunIsSentFollowItInOrder() throws Exception {
        WorkerRun run = launch("echo", PATIENT);
        run.pause();
        run.resume();
        run.stop();
        begin(run);
        assertThat(failure().message()).isEqualTo("read Start, PAUSE, RESUME, STOP");
    }
}
