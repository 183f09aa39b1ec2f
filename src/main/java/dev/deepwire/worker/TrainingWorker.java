package dev.deepwire.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.inspect.AttentionProbe;
import dev.deepwire.inspect.CaptureSpec;
import dev.deepwire.inspect.HealthProbe;
import dev.deepwire.io.ProjectFormatException;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.io.WriteFailure;
import dev.deepwire.io.files.FolderTrees;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.Project;
import dev.deepwire.training.PreparedRun;
import dev.deepwire.training.RunFiles;
import dev.deepwire.training.RunOptions;
import dev.deepwire.training.RunState;
import dev.deepwire.training.TrainingEngine;
import dev.deepwire.training.TrainingEvent;
import dev.deepwire.training.TrainingRun;
import dev.deepwire.training.backend.BackendInfo;
import dev.deepwire.training.backend.NativeTuning;
import dev.deepwire.training.backend.ThreadSettings;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training process: a JVM of its own that trains one run for the workbench, so the window's drawing, its
 * just-in-time compiler and its garbage never share a process with the training loop. Reads {@link WorkerMessage}s
 * from standard input, writes them to standard output (library output goes to standard error), and exits when
 * the run has ended or the workbench has gone (its input closed).
 */
public final class TrainingWorker {
    private final WorkerCodec codec = new WorkerCodec();
    private final PrintStream protocol;
    /** Writes in order, off the training thread (a slow reader must not hold up a step). */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "deepwire-worker-out"));
    private final CompletableFuture<TrainingRun> run = new CompletableFuture<>();
    /** Controls that came before the run's Start, applied in order once it has started. */
    private final List<WorkerMessage.Control> beforeStart = new ArrayList<>();
    private Path runDir;

    private TrainingWorker(PrintStream protocol) {
        this.protocol = protocol;
    }

    public static void main(String[] args) throws IOException {
        NativeTuning.prepare(); // before ND4J loads
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        }
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        TrainingWorker worker = new TrainingWorker(protocol);
        String backend = BackendInfo.describe();
        if (!Boolean.getBoolean("deepwire.noWarmUp")) {
            warmUp();
        }
        worker.send(new WorkerMessage.Ready(backend));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            try {
                worker.handle(worker.codec.decode(line));
            } catch (JsonProcessingException e) {
                System.err.println("deepwire worker: ignored a line it cannot read: " + e.getOriginalMessage());
            }
        }
        worker.workbenchGone();
    }

    /**
     * Trains the built-in marker sample for a few steps and throws it away, while the process is still a spare:
     * the JIT then compiles DL4J's and ND4J's training code (fit, evaluation, capture, model saving) before the
     * user's run instead of on the second core during its first epochs. Each run seeds its own random numbers, so
     * this changes no result. Optional: any failure only leaves the process cold.
     */
    static void warmUp() {
        try (var in = TrainingWorker.class.getResourceAsStream("/sample-projects/marker.dwproj")) {
            if (in == null) {
                return;
            }
            Project p = new ProjectReader().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            var settings = p.training().withEpochs(1);
            PreparedRun prepared = PreparedRun.of(BlockCatalog.standard(), p.graph(), new DatasetSpec("marker",
                    Map.of("length", 24, "vocabulary", 32, "train", 6_400, "validation", 64, "seed", 7)), settings, null);
            if (!prepared.ok()) {
                throw new IllegalStateException(prepared.problem());
            }
            CompiledNetwork network = prepared.network();
            DatasetSplits data = prepared.data();
            ThreadSettings.applyRecommended(network.totalParams());
            Path dir = Files.createTempDirectory("deepwire-warm-up");
            try {
                var capture = new CaptureSpec(
                        AttentionProbe.attentionNodes(network.configuration()), 8, 20);
                var options = new RunOptions(120, dir, "warm-up", 25).withHealth(HealthProbe::new).withStepHook(capture.recorder(data, s -> { }));
                new TrainingEngine(Runnable::run).start(network, data, settings, options, e -> { });
            } finally {
                FolderTrees.delete(dir);
                Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
            }
        } catch (IOException | RuntimeException | ProjectFormatException e) {
            System.err.println("deepwire worker: warm-up skipped (" + e + ")");
        }
    }

    private void handle(WorkerMessage message) {
        if (message instanceof WorkerMessage.Start s && !run.isDone()) {
            start(s);
            if (run.isDone()) {
                beforeStart.forEach(this::apply);
            }
            beforeStart.clear();
        } else if (message instanceof WorkerMessage.Control c && c.action() != null) {
            if (run.isDone()) {
                apply(c);
            } else {
                beforeStart.add(c);
            }
        } else {
            System.err.println("deepwire worker: ignored " + message + " (only Start and Control with an action are sent "
                    + "to a training process, Start once)");
        }
    }

    private void apply(WorkerMessage.Control c) {
        TrainingRun r = run.join();
        switch (c.action()) {
            case PAUSE -> r.pause();
            case RESUME -> r.resume();
            case STOP -> r.stop();
            default -> throw new IllegalStateException("unknown action " + c.action());
        }
    }

    private void start(WorkerMessage.Start s) {
        runDir = s.runDir();
        Project project;
        try {
            project = new ProjectReader().read(s.project());
        } catch (ProjectFormatException e) {
            failBeforeStart("the training process cannot read the project it was given: " + e.getMessage(), null);
            return;
        }
        PreparedRun prepared = PreparedRun.of(BlockCatalog.standard(), project.graph(), project.dataset(), s.settings(),
                s.dataFolder());
        if (!prepared.ok()) {
            failBeforeStart(prepared.problem(), prepared.nodeId());
            return;
        }
        CompiledNetwork network = prepared.network();
        DatasetSplits data = prepared.data();
        ThreadSettings.applyRecommended(network.totalParams());
        RunOptions options = new RunOptions(s.maxSteps(), s.runDir(), project.name(), s.healthEvery())
                .withHealthBudget(s.healthBudget()).withHealth(HealthProbe::new);
        if (s.capture() != null) {
            options = options.withStepHook(s.capture().recorder(data, snapshot -> send(WorkerMessage.Captured.of(snapshot))));
        }
        TrainingEngine engine = new TrainingEngine(r -> new Thread(r, "deepwire-training").start());
        run.complete(engine.start(network, data, s.settings(), options, this::onEvent));
    }

    /** On the training thread, between steps: hands over a copy of the model where the workbench needs one. */
    private void onEvent(TrainingEvent event) {
        boolean last = TrainingEvent.endState(event) != null;
        if (event instanceof TrainingEvent.StateChanged c && c.state() == RunState.PAUSED) {
            saveModel(runDir.resolve(".paused-model.zip"), true);
        } else if (last) {
            saveModel(runDir.resolve("model.zip"), false);
        }
        send(new WorkerMessage.Event(event));
        if (last) {
            writer.execute(() -> System.exit(0));
        }
    }

    private void saveModel(Path file, boolean paused) {
        var model = run.join().model();
        if (model == null) {
            return;
        }
        try {
            if (paused) {
                TrainingEngine.save(model, file);
                send(new WorkerMessage.ModelSaved(file, true));
            } else {
                // The run's model: beside model.zip (model-<time>.zip) when model.zip cannot be written.
                send(new WorkerMessage.ModelSaved(RunFiles.saveModel(model, file.getParent()).file(),
                        false));
            }
        } catch (RuntimeException | WriteFailure e) {
            System.err.println("deepwire worker: " + e.getMessage());
        }
    }

    private void failBeforeStart(String message, String nodeId) {
        send(new WorkerMessage.Event(new TrainingEvent.RunFailed(0, message, nodeId)));
        writer.execute(() -> System.exit(0));
    }

    /** The workbench closed our input: stop the run (its model is saved as usual) or, with none, leave. */
    private void workbenchGone() {
        if (run.isDone()) {
            run.join().stop();
        } else {
            writer.execute(() -> System.exit(0));
        }
    }

    private void send(WorkerMessage message) {
        writer.execute(() -> {
            protocol.println(codec.encode(message));
            protocol.flush();
        });
    }
}
