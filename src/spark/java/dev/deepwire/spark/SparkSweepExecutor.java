package dev.deepwire.spark;

import dev.deepwire.sweep.SweepExecutor;
import dev.deepwire.sweep.SweepOutcome;
import dev.deepwire.sweep.SweepTask;
import dev.deepwire.sweep.SweepTaskBody;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs a sweep on a Spark master: each task is a Spark job of one partition (so one Spark task, on one executor
 * core), all submitted at once and scheduled by Spark as cores come free. Each outcome is handed on the moment its
 * job ends, so an interrupted sweep keeps its finished runs; a job Spark gave up on (the body threw, the executor was
 * lost) becomes an outcome that did not finish, with Spark's reason. Closing stops the Spark context.
 */
final class SparkSweepExecutor implements SweepExecutor {
    private final String master;
    private final JavaSparkContext spark;

    SparkSweepExecutor(String master) {
        this.master = master;
        this.spark = SparkContexts.open(master, "DeepWire sweep");
    }

    @Override
    public String describe() {
        return "Spark " + master;
    }

    @Override
    public void run(List<SweepTask> tasks, SweepTaskBody body, Consumer<SweepOutcome> done) throws InterruptedException {
        if (tasks.isEmpty()) {
            return;
        }
        String group = "deepwire-sweep-" + System.nanoTime();
        spark.setJobGroup(group, "DeepWire sweep of " + tasks.size() + " runs", true);
        List<JavaFutureAction<List<SweepOutcome>>> jobs = new ArrayList<>();
        for (SweepTask task : tasks) {
            jobs.add(spark.parallelize(List.of(task), 1).map(body::run).collectAsync());
        }
        // One (parked) waiting thread per job: an outcome is passed on as its own job ends, whatever the others do.
        ExecutorService waiters = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "deepwire-sweep-wait");
            t.setDaemon(true);
            return t;
        });
        ExecutorCompletionService<SweepOutcome> ended = new ExecutorCompletionService<>(waiters);
        List<Future<SweepOutcome>> waiting = new ArrayList<>();
        int handed = 0;
        try {
            for (int i = 0; i < tasks.size(); i++) {
                SweepTask task = tasks.get(i);
                JavaFutureAction<List<SweepOutcome>> job = jobs.get(i);
                waiting.add(ended.submit(() -> outcome(task, job)));
            }
            for (int i = 0; i < tasks.size(); i++) {
                SweepOutcome outcome = ended.take().get();
                done.accept(outcome);
                handed++;
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a sweep's waiting thread failed: " + SparkContexts.reason(e), e);
        } finally {
            if (handed < tasks.size()) {
                spark.sc().cancelJobGroup(group); // interrupted, or done failed: no run goes on unwatched
            }
            waiting.forEach(f -> f.cancel(true));
            waiters.shutdownNow();
            spark.clearJobGroup();
        }
    }

    /** Waits for one run's job: its outcome, or one that did not finish with the reason Spark gave. */
    private static SweepOutcome outcome(SweepTask task, JavaFutureAction<List<SweepOutcome>> job) throws InterruptedException {
        try {
            List<SweepOutcome> result = job.get();
            return result.size() == 1 ? result.get(0)
                    : SweepOutcome.failed(task.runName(), "Spark returned " + result.size() + " outcomes for one run");
        } catch (ExecutionException e) {
            return SweepOutcome.failed(task.runName(), "Spark: " + SparkContexts.reason(e.getCause() == null ? e : e.getCause()));
        } catch (CancellationException e) {
            return SweepOutcome.failed(task.runName(), "the sweep was cancelled before this run ended");
        }
    }

    @Override
    public void close() {
        spark.stop();
    }
}
