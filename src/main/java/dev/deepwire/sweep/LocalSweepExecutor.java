package dev.deepwire.sweep;

import dev.deepwire.training.backend.TrainingJvm;
import dev.deepwire.worker.TrainingProcesses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a sweep on this machine in {@code parallel} training processes of its own ({@link SweepProcess}, started
 * like the workbench's training process), each training one run at a time on one thread. A process that dies
 * (a crash, the operating system's out-of-memory killer) fails the run it was training, with its exit code and last
 * error line; the next run starts a new process.
 */
public final class LocalSweepExecutor implements SweepExecutor {
    private final int parallel;
    private final Supplier<List<String>> command;
    private final Set<Process> processes = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile Consumer<String> started = name -> { };

    /** @param parallel how many runs train at once (1 or more) */
    public LocalSweepExecutor(int parallel) {
        this(parallel, () -> TrainingProcesses.javaCommand(SweepProcess.class));
    }

    LocalSweepExecutor(int parallel, Supplier<List<String>> command) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be 1 or more; got " + parallel);
        }
        this.parallel = parallel;
        this.command = command;
    }

    @Override
    public String describe() {
        return parallel + (parallel == 1 ? " local process" : " local processes");
    }

    @Override
    public void run(List<SweepTask> tasks, SweepTaskBody body, Consumer<SweepOutcome> done) throws InterruptedException {
        String bodyLine;
        try {
            bodyLine = SweepWire.encode(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the sweep's task body cannot be sent to a process: " + e.getMessage(), e);
        }
        Queue<SweepTask> queue = new ConcurrentLinkedQueue<>(tasks);
        Consumer<SweepOutcome> oneAtATime = outcome -> {
            synchronized (this) {
                done.accept(outcome);
            }
        };
        int slots = Math.min(parallel, Math.max(1, tasks.size()));
        ExecutorService pool = Executors.newFixedThreadPool(slots, r -> {
            Thread t = new Thread(r, "deepwire-sweep-slot");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> slotsDone = new ArrayList<>();
            for (int i = 0; i < slots; i++) {
                slotsDone.add(pool.submit(() -> new Slot(bodyLine).drain(queue, oneAtATime)));
            }
            for (Future<?> f : slotsDone) {
                f.get();
            }
        } catch (InterruptedException e) {
            closed = true; // the runs cut short come back as stopped, not as crashes
            processes.forEach(Process::destroyForcibly);
            // the slots hand back their stopped runs: not interrupted, so their files and sweep.json are written
            pool.shutdown();
            if (!pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a sweep slot failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            processes.forEach(Process::destroyForcibly);
        }
    }

    @Override
    public void onRunStarted(Consumer<String> started) {
        this.started = started;
    }

    @Override
    public void close() {
        closed = true;
        processes.forEach(Process::destroyForcibly);
    }

    /** One process slot: trains runs one after another, starting a new process after one died. */
    private final class Slot {
        private final String bodyLine;
        private Process process;
        private PrintStream toProcess;
        private BufferedReader fromProcess;
        private final Deque<String> lastErrors = new ArrayDeque<>();

        Slot(String bodyLine) {
            this.bodyLine = bodyLine;
        }

        void drain(Queue<SweepTask> queue, Consumer<SweepOutcome> done) {
            try {
                for (SweepTask task = queue.poll(); task != null && !closed && !Thread.currentThread().isInterrupted();
                     task = queue.poll()) {
                    done.accept(runOne(task));
                }
            } finally {
                if (process != null) {
                    toProcess.close(); // the process leaves when its input closes
                    processes.remove(process);
                }
            }
        }

        private SweepOutcome runOne(SweepTask task) {
            try {
                if (process == null || !process.isAlive()) {
                    start();
                }
                toProcess.println(SweepWire.encode(task));
                toProcess.flush();
                started.accept(task.runName());
                String line = fromProcess.readLine();
                while (line != null && !line.startsWith(SweepWire.OUTCOME)) {
                    line = fromProcess.readLine(); // a library printed to standard output: not an answer
                }
                if (line != null) {
                    SweepOutcome outcome = SweepWire.decode(line.substring(SweepWire.OUTCOME.length()), SweepOutcome.class);
                    return outcome.runName().equals(task.runName()) ? outcome
                            : SweepOutcome.failed(task.runName(), "its process answered for another run ("
                            + outcome.runName() + ")");
                }
            } catch (IOException e) {
                // the process is gone or garbled its answer: the run failed, below
            }
            return SweepOutcome.failed(task.runName(), died());
        }

        private String died() {
            if (process == null) {
                return "no training process could be started";
            }
            process.destroyForcibly();
            processes.remove(process);
            String code;
            try {
                code = String.valueOf(process.waitFor());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                code = "unknown";
            }
            String last;
            synchronized (lastErrors) {
                last = lastErrors.isEmpty() ? "" : "; its last message: " + String.join(" | ", lastErrors);
            }
            process = null;
            return closed ? "the sweep was stopped before this run ended"
                    : "its training process ended unexpectedly (exit code " + code + ")" + last;
        }

        private void start() throws IOException {
            process = TrainingJvm.process(command.get()).start();
            processes.add(process);
            if (closed) {
                process.destroyForcibly();
            }
            Process p = process;
            Thread errors = new Thread(() -> keepLastErrors(p), "deepwire-sweep-stderr");
            errors.setDaemon(true);
            errors.start();
            toProcess = new PrintStream(process.getOutputStream(), false, StandardCharsets.UTF_8);
            fromProcess = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            toProcess.println(bodyLine);
        }

        private void keepLastErrors(Process p) {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    if (line.isBlank() || TrainingJvm.isStartupNotice(line)) {
                        continue;
                    }
                    synchronized (lastErrors) {
                        lastErrors.addLast(line.length() > 300 ? line.substring(0, 300) + "…" : line);
                        while (lastErrors.size() > 2) {
                            lastErrors.removeFirst();
                        }
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        }
    }
}
