package dev.deepwire.training;

import dev.deepwire.inspect.HealthProbe;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.GraphFixture;
import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.data.MarkerDataset;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.testing.SmallMarker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingEngineTest {
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @TempDir
    Path dir;

    @AfterEach
    void shutdown() {
        background.shutdownNow();
    }

    /** A small marker model: short sequences, small sizes, so steps are quick. */
    private static Project small() throws Exception {
        Project p = SmallMarker.project(Map.of("vocabulary", 32, "train", 256, "validation", 64, "seed", 1));
        p.setTraining(new TrainingSettings(2, 32, "adam", 1e-3, 42, 1, 0));
        return p;
    }

    private static CompiledNetwork compile(Project p) {
        return new GraphCompiler(BlockCatalog.standard()).compile(p.graph(), CompileOptions.forTraining(p.training())).orThrow();
    }

    private static DatasetSplits data(Project p) throws Exception {
        return MarkerDataset.generate(p.dataset());
    }

    @Test
    void runPublishesEventsInOrderAndWritesCheckpoints() throws Exception {
        Project p = small();
        List<TrainingEvent> events = new ArrayList<>();
        TrainingRun run = new TrainingEngine(Runnable::run).start(compile(p), data(p), p.training(),
                new RunOptions(0, dir, "small"), events::add);
        assertThat(run.state()).isEqualTo(RunState.FINISHED);
        assertThat(events.get(0)).isInstanceOf(TrainingEvent.RunStarted.class);
        assertThat(events).filteredOn(e -> e instanceof TrainingEvent.StepCompleted).hasSize(16);
        assertThat(events).filteredOn(e -> e instanceof TrainingEvent.EpochCompleted).hasSize(2);
        assertThat(events.get(events.size() - 1)).isInstanceOf(TrainingEvent.RunFinished.class);
        TrainingEvent.EpochCompleted last = (TrainingEvent.EpochCompleted) events.stream()
                .filter(e -> e instanceof TrainingEvent.EpochCompleted).reduce((a, b) -> b).orElseThrow();
        assertThat(last.validationAccuracy()).isBetween(0.0, 1.0);
        assertThat(dir.resolve("checkpoint-epoch-2.zip")).exists();
        var restored = ModelSerializer.restoreComputationGraph(dir.resolve("checkpoint-epoch-2.zip").toFile(), true);
        assertThat(restored.params()).isEqualTo(run.model().params());
    }

    @Test
    void sameSeedGivesTheSameLossCurve() throws Exception {
        Project p = small();
        List<Double> first = losses(p);
        List<Double> second = losses(p);
        assertThat(first).hasSize(16).isEqualTo(second);
        p.setTraining(p.training().withSeed(43));
        assertThat(losses(p)).isNotEqualTo(first);
    }

    private List<Double> losses(Project p) throws Exception {
        List<Double> losses = new ArrayList<>();
        new TrainingEngine(Runnable::run).start(compile(p), data(p), p.training(), RunOptions.defaults("s"), e -> {
            if (e instanceof TrainingEvent.StepCompleted s) {
                losses.add(s.loss());
            }
        });
        return losses;
    }

    @Test
    void pauseResumeAndStopTakeEffectWithinOneStep() throws Exception {
        Project p = small();
        p.setTraining(p.training().withEpochs(50));
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        List<TrainingEvent> events = Collections.synchronizedList(new ArrayList<>());
        TrainingRun[] handle = new TrainingRun[1];
        CountDownLatch started = new CountDownLatch(1);
        TrainingListener listener = e -> {
            events.add(e);
            try {
                started.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            if (e instanceof TrainingEvent.StepCompleted s && s.step() == 3) {
                handle[0].pause();
            }
            if (e instanceof TrainingEvent.StepCompleted s && s.step() == 5) {
                handle[0].stop();
            }
            if (e instanceof TrainingEvent.StateChanged c && c.state() == RunState.PAUSED) {
                paused.countDown();
            }
            if (e instanceof TrainingEvent.RunStopped) {
                ended.countDown();
            }
        };
        handle[0] = new TrainingEngine(background).start(compile(p), data(p), p.training(), RunOptions.defaults("s"), listener);
        started.countDown();
        assertThat(paused.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(handle[0].state()).isEqualTo(RunState.PAUSED);
        long stepsWhenPaused = events.stream().filter(e -> e instanceof TrainingEvent.StepCompleted).count();
        assertThat(stepsWhenPaused).isEqualTo(3);
        handle[0].resume();
        assertThat(ended.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(handle[0].await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(handle[0].state()).isEqualTo(RunState.STOPPED);
        TrainingEvent.RunStopped stopped = (TrainingEvent.RunStopped) handle[0].outcome();
        assertThat(stopped.steps()).isEqualTo(5);
        assertThat(handle[0].model()).isNotNull();
    }

    @Test
    void nanLossEndsTheRunWithAMessage() throws Exception {
        Project p = small();
        TrainingRun[] handle = new TrainingRun[1];
        List<TrainingEvent> events = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        TrainingListener listener = e -> {
            events.add(e);
            if (e instanceof TrainingEvent.StepCompleted s && s.step() == 2) {
                try {
                    ready.await();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                handle[0].model().getVertex("classify").paramTable(false).get("W").assign(Double.NaN);
            }
        };
        handle[0] = new TrainingEngine(background).start(compile(p), data(p), p.training(), RunOptions.defaults("s"), listener);
        ready.countDown();
        assertThat(handle[0].await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(handle[0].state()).isEqualTo(RunState.FAILED);
        TrainingEvent.RunFailed failed = (TrainingEvent.RunFailed) handle[0].outcome();
        assertThat(failed.step()).isEqualTo(3);
        assertThat(failed.message()).contains("NaN").contains("step 3").contains("lower the learning rate")
                .contains("the NaN arose in 'classify' itself");
        assertThat(failed.nodeId()).isEqualTo("classify");
    }

    @Test
    void stepLimitEndsTheRunWithAValidationResult() throws Exception {
        Project p = small();
        List<TrainingEvent> events = new ArrayList<>();
        TrainingRun run = new TrainingEngine(Runnable::run).start(compile(p), data(p), p.training(),
                new RunOptions(5, null, "s"), events::add);
        TrainingEvent.RunFinished f = (TrainingEvent.RunFinished) run.outcome();
        assertThat(f.steps()).isEqualTo(5);
        assertThat(f.reason()).contains("step limit 5");
        assertThat(f.validationAccuracy()).isBetween(0.0, 1.0);
    }

    @Test
    void anExceptionDuringTrainingEndsTheRunWithTheLastGoodCheckpoint() throws Exception {
        Project p = small();
        TrainingRun run = new TrainingEngine(Runnable::run).start(compile(p), data(p), p.training(),
                new RunOptions(0, dir, "s"), e -> {
                    if (e instanceof TrainingEvent.StepCompleted s && s.step() == 12) {
                        throw new IllegalStateException("injected fault");
                    }
                });
        assertThat(run.state()).isEqualTo(RunState.FAILED);
        String message = ((TrainingEvent.RunFailed) run.outcome()).message();
        assertThat(message).contains("injected fault").contains("last good checkpoint").contains("checkpoint-epoch-1.zip");
    }

    @Test
    void blockHealthIsMeasuredAtTheFirstStepThenEveryFewSteps() throws Exception {
        Project p = small();
        List<TrainingEvent.HealthMeasured> health = new ArrayList<>();
        new TrainingEngine(Runnable::run).start(compile(p), data(p), p.training(), new RunOptions(0, null, "s", 5).withHealth(HealthProbe::new), e -> {
            if (e instanceof TrainingEvent.HealthMeasured h) {
                health.add(h);
            }
        });
        assertThat(health).extracting(TrainingEvent.HealthMeasured::step).containsExactly(1L, 5L, 10L, 15L);
        var attention = health.get(0).nodes().stream().filter(n -> n.nodeId().equals("attn")).findFirst().orElseThrow();
        assertThat(attention.params()).isEqualTo(4L * 16 * 16);
        assertThat(attention.updateRatio()).isBetween(1e-6, 1e-1);
        assertThat(attention.gradientNorm()).isPositive();
        assertThat(attention.activationStd()).isPositive();
        assertThat(attention.nonFinite()).isZero();
        assertThat(attention.problem()).isEmpty();
        assertThat(health.get(0).nodes()).extracting(NodeHealth::nodeId).doesNotContain("tokens").contains("res1", "pool");
    }

    @Test
    void aHealthBudgetSpacesMeasurementsOutByWhatTheyCost() throws Exception {
        Project p = small();
        List<Long> steps = new ArrayList<>();
        // A budget no measurement can fit: the first step (not counted, it runs cold), the next one on the grid (its
        // cost is not known before), then none, as each would take far more than that share of the training time.
        new TrainingEngine(Runnable::run).start(compile(p), data(p), p.training(),
                new RunOptions(0, null, "s", 5).withHealthBudget(1e-12).withHealth(HealthProbe::new), e -> {
                    if (e instanceof TrainingEvent.HealthMeasured h) {
                        steps.add(h.step());
                    }
                });
        assertThat(steps).containsExactly(1L, 5L);
    }

    @Test
    void aNanInsideTheNetworkIsTracedToTheFirstBlockThatMadeIt() throws Exception {
        Project p = small();
        TrainingRun[] handle = new TrainingRun[1];
        CountDownLatch ready = new CountDownLatch(1);
        TrainingListener listener = e -> {
            if (e instanceof TrainingEvent.StepCompleted s && s.step() == 2) {
                try {
                    ready.await();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                handle[0].model().getVertex("ffn").paramTable(false).get("W1").assign(Double.POSITIVE_INFINITY);
            }
        };
        handle[0] = new TrainingEngine(background).start(compile(p), data(p), p.training(), RunOptions.defaults("s"), listener);
        ready.countDown();
        assertThat(handle[0].await(60, TimeUnit.SECONDS)).isTrue();
        TrainingEvent.RunFailed failed = (TrainingEvent.RunFailed) handle[0].outcome();
        assertThat(failed.nodeId()).isEqualTo("ffn");
        assertThat(failed.message()).contains("the first block with NaN or infinite output was 'ffn'");
        // The failing step's update (NaN everywhere) is not kept: blocks before 'ffn' hold their last finite weights.
        assertThat(handle[0].model().getVertex("embed").params().sumNumber().doubleValue()).isFinite();
        assertThat(handle[0].model().getVertex("classify").params().sumNumber().doubleValue()).isFinite();
    }

    @Test
    void aLossThatExplodesWithoutNanEndsTheRunFailed() throws Exception {
        Project p = SmallMarker.project(Map.of("vocabulary", 32, "train", 256, "validation", 64, "seed", 1));
        TrainingSettings wild = new TrainingSettings(40, 32, "adam", 10.0, 42, 0, 0);
        TrainingRun run = new TrainingEngine(Runnable::run).start(new GraphCompiler(BlockCatalog.standard())
                .compile(p.graph(), CompileOptions.forTraining(wild)).orThrow(), data(p), wild, RunOptions.defaults("s"), e -> { });
        assertThat(run.state()).isEqualTo(RunState.FAILED);
        TrainingEvent.RunFailed failed = (TrainingEvent.RunFailed) run.outcome();
        assertThat(failed.message()).contains("the training loss rose from").contains("training diverged")
                .contains("lower the learning rate (now 10.0)");
        assertThat(failed.step()).isLessThan(40 * 8);
    }

    @Test
    void aNanAtTheFirstStepIsNotBlamedOnTheLearningRate() throws Exception {
        Project p = small();
        TrainingRun[] handle = new TrainingRun[1];
        CountDownLatch ready = new CountDownLatch(1);
        TrainingListener listener = e -> {
            if (e instanceof TrainingEvent.RunStarted) {
                try {
                    ready.await();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                handle[0].model().getVertex("classify").paramTable(false).get("W").assign(Double.POSITIVE_INFINITY);
            }
        };
        handle[0] = new TrainingEngine(background).start(compile(p), data(p), p.training(), RunOptions.defaults("s"), listener);
        ready.countDown();
        assertThat(handle[0].await(60, TimeUnit.SECONDS)).isTrue();
        TrainingEvent.RunFailed failed = (TrainingEvent.RunFailed) handle[0].outcome();
        assertThat(failed.step()).isEqualTo(1);
        assertThat(failed.message()).contains("before any learning").contains("learning rate is not the cause")
                .doesNotContain("lower the learning rate");
    }

    @Test
    void anOverflowThatNoLearningRateFixesIsSaidSo() throws Exception {
        // Embeddings 10 times the usual scale into a GELU: the loss is finite, the gradients are not, at any rate.
        var g = new GraphFixture().node("t", "token_input", "length", 8, "vocabulary", 32)
                .node("e", "token_embedding", "dim", 16, "init_scale", 10.0)
                .node("d", "sequence_dense", "units", 16, "activation", "gelu")
                .node("p", "global_pool").node("o", "softmax_output", "classes", 32)
                .wire("t.out", "e.in").wire("e.out", "d.in").wire("d.out", "p.in").wire("p.out", "o.in").graph();
        var data = MarkerDataset.generate(new DatasetSpec("marker",
                Map.of("length", 8, "vocabulary", 32, "train", 64, "validation", 16)));
        for (double lr : new double[] {1e-1, 1e-5}) {
            TrainingSettings s = new TrainingSettings(1, 32, "adam", lr, 42, 0, 0);
            TrainingRun run = new TrainingEngine(Runnable::run).start(new GraphCompiler(BlockCatalog.standard())
                    .compile(g, CompileOptions.forTraining(s)).orThrow(), data, s, RunOptions.defaults("g"), e -> { });
            TrainingEvent.RunFailed failed = (TrainingEvent.RunFailed) run.outcome();
            assertThat(failed.message()).as("lr %s", lr).contains("no learning rate fixes").contains("Initial scale")
                    .doesNotContain("lower the learning rate");
            assertThat(failed.nodeId()).isEqualTo("e");
        }
    }
}
