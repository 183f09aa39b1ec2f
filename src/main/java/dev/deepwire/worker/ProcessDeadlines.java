package dev.deepwire.worker;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The limits on waiting for one training process, and how it is ended when it passes one: a process that does not
 * answer in time is ended forcibly (it is not listening); one asked to end gets SIGTERM, then SIGKILL after the
 * grace (a process stuck in native code may not end otherwise). Remembers why this side ended it.
 */
final class ProcessDeadlines {
    /** One daemon thread for every run's deadlines; the tasks only end processes. */
    private static final ScheduledExecutorService DEADLINES = deadlines();
    private final Process process;
    private final Duration grace;
    private boolean answered;
    private ScheduledFuture<?> deadline;
    private ScheduledFuture<?> endDeadline;
    /** Why this side ended the process (null: it ended by itself). */
    private volatile String endedBecause;

    /** @param grace how long a process asked to end may take, before each escalation */
    ProcessDeadlines(Process process, Duration grace) {
        this.process = process;
        this.grace = grace;
    }

    private static ScheduledExecutorService deadlines() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "deepwire-worker-deadlines");
            t.setDaemon(true);
            return t;
        });
        e.setRemoveOnCancelPolicy(true);
        return e;
    }

    /** From now, the process must say something within {@code limit}, or it is ended forcibly. */
    synchronized void expectAnswer(Duration limit, String otherwise) {
        if (deadline != null) {
            deadline.cancel(false);
        }
        answered = false;
        deadline = DEADLINES.schedule(() -> {
            synchronized (this) {
                if (answered) {
                    return;
                }
            }
            endedBecause = otherwise + " within " + seconds(limit) + " and was ended";
            process.destroyForcibly(); // it is not listening: no polite request would reach it
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The process said something: the answer it owed has come. */
    synchronized void answered() {
        answered = true;
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    /** Ends the process for {@code reason} unless it says something within the grace (which re-arms this). */
    synchronized void endUnlessHeardWithin(String reason) {
        if (endDeadline != null) {
            endDeadline.cancel(false);
        }
        endDeadline = DEADLINES.schedule(() -> end(reason), grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Ends the process, {@code reason} saying how for the run's failure message ("… and was ended"): SIGTERM, then
     * SIGKILL after the grace.
     */
    void end(String reason) {
        if (!process.isAlive()) {
            return;
        }
        if (endedBecause == null) {
            endedBecause = reason;
        }
        process.destroy();
        DEADLINES.schedule(() -> {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }, grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Why this side ended the process, or null when it ended by itself. */
    String endedBecause() {
        return endedBecause;
    }

    /**
     * How the process ended, once its output has closed; one that closed its output but goes on running is ended.
     * {@code lastWords} waits for its error output to say why.
     */
    String exit(WorkerLines lastWords) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    return "closed its output but does not end";
                }
            }
            lastWords.awaitErrors(); // its last lines say why
            return "exit code " + process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "still running";
        }
    }

    static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }
}
