package dev.deepwire.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Yields its own process (in a JVM of its own, so the test JVM keeps its priority) and prints what it sees, one
 * {@code key=value} a line: its thread's nice value, a later thread's, what a second call changed, and the JIT
 * compiler threads' nice values.
 */
public final class ProcessPriorityChild {
    private ProcessPriorityChild() {
    }

    public static void main(String[] args) throws Exception {
        int nice = Integer.parseInt(args[0]);
        int jitNice = Integer.parseInt(args[1]);
        System.out.println("before=" + ProcessPriority.niceOf(tid()));
        // a thread reading a training process's messages, started before the window yields (as the spare's reader is)
        java.util.concurrent.CountDownLatch yielded = new java.util.concurrent.CountDownLatch(1);
        int[] reader = new int[1];
        Thread reading = new Thread(() -> {
            try {
                yielded.await();
            } catch (InterruptedException e) {
                return;
            }
            reader[0] = ProcessPriority.niceOf(tid());
        }, "deepwire-worker-in");
        reading.start();
        System.out.println("changed=" + ProcessPriority.yieldTo(nice, jitNice));
        yielded.countDown();
        reading.join();
        System.out.println("reader=" + reader[0]);
        System.out.println("self=" + ProcessPriority.niceOf(tid()));
        int[] later = new int[1];
        Thread t = new Thread(() -> later[0] = ProcessPriority.niceOf(tid()));
        t.start();
        t.join();
        System.out.println("later=" + later[0]);
        System.out.println("again=" + ProcessPriority.yieldTo(nice, jitNice));
        List<Integer> compilers = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm"));
                } catch (NoSuchFileException ended) {
                    continue; // HotSpot ends threads while we look (compiler threads come and go with the load)
                }
                if (name.startsWith("C2 CompilerThre")) {
                    compilers.add(ProcessPriority.niceOf(Integer.parseInt(task.getFileName().toString())));
                }
            }
        }
        System.out.println("compilers=" + compilers);
    }

    static int tid() {
        try {
            return Integer.parseInt(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
