package dev.deepwire.ui;

import dev.deepwire.testing.ScratchDirs;
import dev.deepwire.inspect.CaptureSpec;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.training.PreparedRun;
import dev.deepwire.training.RunOptions;
import dev.deepwire.training.TrainingEvent;
import dev.deepwire.training.backend.NativeTuning;
import dev.deepwire.training.backend.ThreadSettings;
import dev.deepwire.ui.inspect.AttentionSession;
import dev.deepwire.worker.RunLauncher;
import dev.deepwire.worker.TrainingProcesses;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Peak resident memory of the workbench's training process, without a display: starts that process exactly as the
 * workbench does — {@link TrainingProcesses} (the same main class, JVM options and class path), its spare started
 * and warmed up first, then the run sent with the window's capture spec (attention maps and embedding tables,
 * as {@link AttentionSession#watch} asks for them, at the window's 1 % observation budget) and health every 25 steps
 * — and trains a sample for N epochs. The process's peak RSS is the kernel's own figure: its java is started through
 * {@code /usr/bin/time -f %M} (this JVM's {@code java.home} points at a wrapper while the process is launched, and
 * its class path leaves out the test classes, as the workbench's has none; nothing else changes). Prints {@code memory_workbench_epoch epoch=… rss_kb=… val_acc=…} after each epoch and
 * {@code memory_workbench sample=… epochs=… max_rss_kb=… seconds=… captures=… status=…} at the end.
 * Usage: {@code java -cp target/test-classes:target/classes:target/lib/* dev.deepwire.ui.WorkbenchTrainingMemory
 * sample.dwproj epochs [run folder]}.
 */
public final class WorkbenchTrainingMemory {
    /** The window's share of training time for health and captures ({@code WorkbenchApp}'s default). */
    private static final double OBSERVATION_BUDGET = 0.01;

    private WorkbenchTrainingMemory() {
    }

    public static void main(String[] args) throws Exception {
        NativeTuning.prepare(); // as the workbench's Main does before anything loads ND4J, and its logging
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        }
        if (args.length < 2) {
            System.err.println("usage: WorkbenchTrainingMemory sample.dwproj epochs [run folder]");
            System.exit(2);
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        int epochs = Integer.parseInt(args[1]);
        Path runDir = args.length > 2 ? Path.of(args[2]).toAbsolutePath() : ScratchDirs.create("deepwire-memory");
        Files.createDirectories(runDir);
        Path peakFile = runDir.resolve("training-process.time");
        Files.deleteIfExists(peakFile);

        TrainingProcesses processes = new TrainingProcesses((launch, listener) -> {
            throw new IllegalStateException("the training process could not start; nothing measured");
        }, Integer.getInteger("deepwire.windowNice", 10), Integer.getInteger("deepwire.windowJitNice", 19));
        ProcessHandle trainingProcess = prestartMeasured(processes, peakFile);

        Project opened = new ProjectReader().read(file);
        TrainingSettings settings = opened.training().withEpochs(epochs);
        Project project = new Project(opened.name(), opened.description(), opened.graph().copy(), opened.dataset(), settings);
        Path dataFolder = file.getParent();
        PreparedRun prepared = PreparedRun.of(BlockCatalog.standard(), project.graph(), project.dataset(), settings, dataFolder);
        if (!prepared.ok()) {
            processes.close();
            System.err.println("cannot train " + file + ": " + prepared.problem());
            System.exit(1);
        }
        ThreadSettings.apply(ThreadSettings.recommended(prepared.network().totalParams()), prepared.network().totalParams()); // as the window tunes itself
        CaptureSpec capture = new AttentionSession(Runnable::run).watch(prepared.network(), prepared.data());
        if (capture != null) {
            capture = capture.withBudget(OBSERVATION_BUDGET);
        }
        processes.spareReady().join(); // Train pressed once the spare is ready, as after a first look at the window

        AtomicInteger captures = new AtomicInteger();
        CompletableFuture<TrainingEvent> end = new CompletableFuture<>();
        long start = System.nanoTime();
        processes.start(new RunLauncher.Launch(project, dataFolder, prepared.network(), prepared.data(), settings,
                new RunOptions(0, runDir, project.name(), 25).withHealthBudget(OBSERVATION_BUDGET), capture,
                snapshot -> captures.incrementAndGet()), event -> {
                    if (event instanceof TrainingEvent.EpochCompleted e) {
                        System.out.printf(Locale.ROOT, "memory_workbench_epoch epoch=%d rss_kb=%d val_acc=%.4f%n", e.epoch(),
                                residentKb(trainingProcess), e.validationAccuracy());
                    }
                    if (TrainingEvent.endState(event) != null) {
                        end.complete(event);
                    }
                });
        TrainingEvent last = end.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        trainingProcess.onExit().get(2, TimeUnit.MINUTES); // it exits after its last event; time then writes its figure
        processes.close(); // the spare started after the run
        List<String> lines = Files.readAllLines(peakFile);
        String peak = lines.isEmpty() ? "?" : lines.get(lines.size() - 1).trim();
        String status = last instanceof TrainingEvent.RunFailed f ? "failed: " + f.message() : last.getClass().getSimpleName();
        System.out.printf(Locale.ROOT, "memory_workbench sample=%s epochs=%d max_rss_kb=%s seconds=%.1f captures=%d status=\"%s\"%n",
                project.name(), epochs, peak, seconds, captures.get(), status.replace('"', '\''));
        System.exit(last instanceof TrainingEvent.RunFinished ? 0 : 1);
    }

    /**
     * Starts the spare training process with its java run through {@code /usr/bin/time}, which writes the process's
     * peak RSS in kB to {@code peakFile} when it exits; returns that java process.
     */
    private static ProcessHandle prestartMeasured(TrainingProcesses processes, Path peakFile) throws Exception {
        String home = System.getProperty("java.home");
        if ((peakFile.toString() + home).contains("'")) {
            throw new IllegalArgumentException("choose a run folder without ' in its path: " + peakFile);
        }
        Path wrapper = ScratchDirs.create("deepwire-measured-java");
        Path bin = Files.createDirectories(wrapper.resolve("bin"));
        Path java = bin.resolve("java");
        wrapper.toFile().deleteOnExit(); // deleted in the reverse order: java, bin, wrapper
        bin.toFile().deleteOnExit();
        java.toFile().deleteOnExit();
        Files.writeString(java, "#!/bin/sh\nexec /usr/bin/time -o '" + peakFile + "' -f %M '"
                + Path.of(home, "bin", "java") + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        List<ProcessHandle> before = ProcessHandle.current().children().toList();
        // Both read by TrainingProcesses.javaCommand only: the wrapper, and the class path the workbench has (this
        // launcher's test classes left out).
        String classPath = System.getProperty("java.class.path");
        System.setProperty("java.home", wrapper.toString());
        System.setProperty("java.class.path", Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator)));
        try {
            processes.prestart();
        } finally {
            System.setProperty("java.home", home);
            System.setProperty("java.class.path", classPath);
        }
        ProcessHandle time = ProcessHandle.current().children().filter(p -> !before.contains(p)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the training process did not start"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && time.isAlive()) { // time starts java at once
            var child = time.children().findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            try {
                time.onExit().get(10, TimeUnit.MILLISECONDS); // waits a little, or ends the wait if time failed
            } catch (TimeoutException e) {
                // java not started yet
            }
        }
        throw new IllegalStateException("/usr/bin/time did not start the training process's java");
    }

    /** The current resident memory of a process in kB (Linux), or -1. */
    static long residentKb(ProcessHandle process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone, or not Linux
        }
        return -1;
    }
}
