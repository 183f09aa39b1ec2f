package dev.deepwire.worker;

import dev.deepwire.io.ProjectWriter;
import dev.deepwire.training.backend.TrainingJvm;
import dev.deepwire.training.RunControl;
import dev.deepwire.training.TrainingListener;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Trains each run in a training process of its own ({@link TrainingWorker}), started from this JVM's class path
 * and backend. One spare process is kept started (ND4J loaded), so pressing Train does not wait for a JVM; a
 * new spare starts when a run ends. If no process can start, the run trains in this process instead.
 */
public final class TrainingProcesses implements RunLauncher {
    /** This JVM's options that the training process shares (heap and native-memory limits, ND4J settings). */
    /** The window's JVM options a training process inherits (not its heap size: the process has its own). */
    private static final List<String> PASSED_ON = List.of("-XX:MaxDirectMemorySize", "-Dorg.bytedeco",
            "-Dorg.nd4j", "-Dorg.slf4j");
    private final RunLauncher fallback;
    private final int windowNice;
    private final int jitNice;
    private final Set<WorkerRun> running = ConcurrentHashMap.newKeySet();
    private WorkerRun spare;
    private boolean closed;

    /**
     * @param fallback   where runs train when no training process can be started
     * @param windowNice the nice value this (the window's) process takes once a training process runs beside it
     *                   (0: unchanged); see {@link ProcessPriority}
     * @param jitNice    the nice value its JIT compiler threads take then (at least {@code windowNice})
     */
    public TrainingProcesses(RunLauncher fallback, int windowNice, int jitNice) {
        this.fallback = fallback;
        this.windowNice = windowNice;
        this.jitNice = jitNice;
    }

    /** Starts the spare process now (call once the window is up: it loads ND4J and warms up, a few seconds of CPU). */
    public synchronized void prestart() {
        if (closed || spare != null && spare.alive()) {
            return;
        }
        try {
            spare = new WorkerRun(launchProcess());
        } catch (IOException e) {
            spare = null; // a run will try again, then fall back
        }
    }

    /**
     * Completes once the spare process has loaded ND4J and waits for a run (at once when there is none): a run
     * started then begins its first step without a JVM's start-up in front of it.
     */
    public synchronized CompletableFuture<Void> spareReady() {
        return spare == null ? CompletableFuture.completedFuture(null) : spare.ready();
    }

    @Override
    public RunControl start(Launch launch, TrainingListener listener) {
        Path runDir = launch.options().checkpointDir();
        WorkerRun run;
        Path project;
        try {
            Files.createDirectories(runDir);
            project = dev.deepwire.training.RunFiles.keptProjectFile(runDir); // the run folder keeps what was trained
            new ProjectWriter().write(launch.project(), project);
            run = take();
        } catch (IOException | RuntimeException e) {
            System.err.println("deepwire: cannot start a training process (" + e.getMessage() + "); training in the workbench");
            return fallback.start(launch, listener);
        }
        ProcessPriority.yieldTo(windowNice, jitNice);
        running.add(run);
        run.begin(new WorkerMessage.Start(project, launch.dataFolder(), launch.settings(), launch.options().maxSteps(), runDir,
                launch.options().healthEvery(), launch.options().healthBudget(), launch.capture()), listener, launch.captured(), () -> {
                    running.remove(run);
                    prestart();
                });
        return run;
    }

    /** Ends every training process (the workbench is closing); runs in progress end as failed. */
    public synchronized void close() {
        closed = true;
        if (spare != null) {
            spare.kill();
        }
        running.forEach(WorkerRun::kill);
    }

    private synchronized WorkerRun take() throws IOException {
        if (closed) {
            throw new IOException("the workbench is closing");
        }
        WorkerRun taken = spare != null && spare.alive() ? spare : new WorkerRun(launchProcess());
        spare = null;
        return taken;
    }

    private static Process launchProcess() throws IOException {
        // the environment (backend choice, native tuning) is inherited, with the training JVM's malloc setting
        return TrainingJvm.process(javaCommand(TrainingWorker.class)).start();
    }

    /**
     * The command that starts {@code main} in a training JVM of its own: this JVM's java, class path and backend
     * settings, with the training JVM's memory settings (also what a sweep's local processes start with).
     */
    public static List<String> javaCommand(Class<?> main) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(TrainingJvm.options()); // flat memory over long runs
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (PASSED_ON.stream().anyMatch(arg::startsWith)) {
                command.add(arg);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        return command;
    }
}
