package dev.deepwire.sweep;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the tasks of a sweep, each as an independent training run, as many at once as it has room for, and hands
 * every outcome to {@code done} as soon as that run ends (on any thread, one call at a time), so that a sweep
 * interrupted midway keeps its finished runs. A task it could not run (a lost executor, a crashed process) comes
 * back as an outcome that did not finish, with the reason; it never stops the other tasks.
 */
public interface SweepExecutor extends AutoCloseable {
    /** A few words for the user: "Spark local[2]", "2 local processes". */
    String describe();

    void run(List<SweepTask> tasks, SweepTaskBody body, Consumer<SweepOutcome> done) throws InterruptedException;

    /**
     * Asks to hear each run's name as it starts (on any thread), for a progress display; call before {@link #run}.
     * Only an executor that knows when a run starts tells it: by default nothing is told, and a run is known only
     * when it ends.
     */
    default void onRunStarted(Consumer<String> started) {
    }

    @Override
    void close();
}
