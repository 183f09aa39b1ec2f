package dev.deepwire.training.backend;

import java.time.Instant;
import java.util.Optional;

/**
 * A child JVM that the command line started and waits for (a training JVM, a JVM for another backend) ends when that
 * command line is gone: killed outright (no chance to stop its child), its child would otherwise train to the end
 * on its own, writing into the run folder and the old terminal. The parent names itself in {@link #ENV}; the child
 * looks once a second.
 */
public final class ParentWatch {
    /** The waiting parent's process id and start time ({@code pid:epochMillis}), set in the child's environment. */
    public static final String ENV = "DEEPWIRE_PARENT";
    static final long EVERY_MILLIS = 1000;
    /** The exit code of a child that ended because its parent was gone (as a shell reports SIGTERM). */
    static final int ORPHANED = 143;

    private ParentWatch() {
    }

    /** The value naming this process as the parent. */
    static String thisProcess() {
        ProcessHandle me = ProcessHandle.current();
        return me.pid() + ":" + me.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /** Whether the parent named by {@code value} is gone (ended, or its id now belongs to a newer process). */
    static boolean gone(String value) {
        String[] parts = value.split(":", 2);
        long pid;
        long started;
        try {
            pid = Long.parseLong(parts[0]);
            started = parts.length > 1 ? Long.parseLong(parts[1]) : 0;
        } catch (NumberFormatException e) {
            return false; // not ours to judge: keep running
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        if (parent.isEmpty() || !parent.get().isAlive()) {
            return true;
        }
        Optional<Instant> start = parent.get().info().startInstant();
        return started != 0 && start.isPresent() && start.get().toEpochMilli() != started;
    }

    /** In a child started with {@link #ENV}: a daemon thread that ends this JVM once its parent is gone. */
    public static void startIfAsked() {
        String value = System.getenv(ENV);
        if (value == null || value.isBlank()) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                while (!gone(value)) {
                    Thread.sleep(EVERY_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            }
            System.exit(ORPHANED);
        }, "deepwire-parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
