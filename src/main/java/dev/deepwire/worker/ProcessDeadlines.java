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

    /**
     * Ends the process for {@code reason} unless it says something within the grace (which re-arms this) or is seen
     * working meanwhile: a process whose processor time grew by a fiftieth of the grace or more is given another grace,
     * up to {@link #WORKING_GRACES} of them. On a machine under load (20 processes wanting its 2 cores) a run asked to
     * stop took longer than 15 s to score its validation set and save its model, and was ended as stuck — the run lost;
     * a process stuck in native code uses no processor time and is still ended after one grace.
     */
    synchronized void endUnlessHeardWithin(String reason) {
        if (endDeadline != null) {
            endDeadline.cancel(false);
        }
        scheduleEnd(reason, cpu(), 0);
    }

    /** How many graces a process seen working gets before it is ended all the same (15 s each: 5 min). */
    static final int WORKING_GRACES = 20;

    private synchronized void scheduleEnd(String reason, Duration cpuBefore, int graces) {
        endDeadline = DEADLINES.schedule(() -> {
            Duration now = cpu();
            boolean working = cpuBefore != null && now != null
                    && now.minus(cpuBefore).compareTo(grace.dividedBy(50)) >= 0;
            if (working && graces + 1 < WORKING_GRACES) {
                scheduleEnd(reason, now, graces + 1);
            } else {
                end(working ? reason + " (it was still working after " + seconds(grace.multipliedBy(WORKING_GRACES)) + ")"
                        : reason);
            }
        }, grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The processor time the process has used so far, or null where the system does not say. */
    private Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(null);
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
