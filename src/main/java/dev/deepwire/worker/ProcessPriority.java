package dev.deepwire.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Lets a training process come first: raises the nice value of every thread of this (the window's) process.
 * Linux keeps a nice value per thread and a new thread takes its creator's, so later threads follow. A process
 * may not lower its nice value again without privileges, so the window stays at this priority until it closes;
 * that only matters when the cores are busy, and then the training is what the user waits for.
 */
final class ProcessPriority {
    private static final int PRIO_PROCESS = 0;

    private ProcessPriority() {
    }

    /**
     * Sets each thread's nice value to at least {@code nice}, and the JIT compiler's threads' to at least
     * {@code jitNice}; returns how many threads changed (0 off Linux).
     */
    static int yieldTo(int nice, int jitNice) {
        if (Math.max(nice, jitNice) <= 0 || !Files.isDirectory(Path.of("/proc/self/task"))) {
            return 0;
        }
        int changed = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                int tid = Integer.parseInt(task.getFileName().toString());
                String name = name(task);
                if (name.startsWith(RUN_READERS)) {
                    continue; // see RUN_READERS
                }
                int wanted = name.matches("C[12] CompilerThre.*") ? Math.max(nice, jitNice) : nice;
                if (org.bytedeco.systems.global.linux.getpriority(PRIO_PROCESS, tid) < wanted
                        && org.bytedeco.systems.global.linux.setpriority(PRIO_PROCESS, tid, wanted) == 0) {
                    changed++;
                }
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // no /proc or no native library: the window keeps its priority
        }
        return changed;
    }

    /**
     * The threads that read a training process's messages ("deepwire-worker-in", "-err", "-deadlines"; Linux keeps 15
     * characters of a thread's name) keep their priority: at the window's lowered one, beside a run on every core,
     * they read the run's steps far slower than it makes them, and the dock showed the run 15 s (950 steps) behind — a
     * Stop obeyed at once looked ignored until the backlog was read. Reading is light; the run does not wait for it.
     */
    static final String RUN_READERS = "deepwire-worke";

    /** A thread's name as the system keeps it ("C2 CompilerThre" for HotSpot's "C2 CompilerThread0"), or "". */
    private static String name(Path task) {
        try {
            return Files.readString(task.resolve("comm")).trim();
        } catch (IOException e) {
            return ""; // the thread ended
        }
    }

    /** The nice value of a thread of this process (for tests). */
    static int niceOf(int tid) {
        return org.bytedeco.systems.global.linux.getpriority(PRIO_PROCESS, tid);
    }
}
