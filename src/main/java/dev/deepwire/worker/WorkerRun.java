package dev.deepwire.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.deepwire.inspect.AttentionRecorder;
import dev.deepwire.training.RunControl;
import dev.deepwire.training.RunState;
import dev.deepwire.training.TrainingEvent;
import dev.deepwire.training.TrainingListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A run in a training process, seen from the workbench: controls go down its input; its output is read on a
 * thread of its own, events passed on in order, and each model copy it saves is loaded here before the event it
 * belongs to (so a paused or ended run's model is ready when the workbench learns of the pause or the end).
 */
final class WorkerRun implements RunControl {
    private static final int KEPT_LINES = 20;
    private final WorkerCodec codec = new WorkerCodec();
    private final Process process;
    private final Writer input;
    private final Deque<String> errors = new ArrayDeque<>();
    private volatile RunState state = RunState.STARTING;
    private volatile ComputationGraph model;
    private volatile Path saved;
    private final Thread errorReader = new Thread(this::keepErrors, "deepwire-worker-err");
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    /** Set by {@link #begin}, before the run is sent: only Ready comes earlier. */
    private volatile TrainingListener listener;
    private volatile Consumer<AttentionRecorder.Snapshot> captured;
    private volatile Runnable ended;

    /** Takes over a just-started training process and reads its output from now on (its Ready line first). */
    WorkerRun(Process process) {
        this.process = process;
        this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        errorReader.setDaemon(true);
        errorReader.start();
        Thread out = new Thread(this::read, "deepwire-worker-in");
        out.setDaemon(true);
        out.start();
    }

    /** Completes once the process has loaded ND4J and warmed up (or has gone). */
    CompletableFuture<Void> ready() {
        return ready;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Sends the run; its messages go to {@code listener} and {@code captured}; {@code ended} runs once the process is gone. */
    void begin(WorkerMessage.Start start, TrainingListener listener, Consumer<AttentionRecorder.Snapshot> captured,
               Runnable ended) {
        this.listener = listener;
        this.captured = captured;
        this.ended = ended;
        send(start);
    }

    @Override
    public RunState state() {
        return state;
    }

    @Override
    public void pause() {
        send(new WorkerMessage.Control(WorkerMessage.Control.Action.PAUSE));
    }

    @Override
    public void resume() {
        send(new WorkerMessage.Control(WorkerMessage.Control.Action.RESUME));
    }

    @Override
    public void stop() {
        send(new WorkerMessage.Control(WorkerMessage.Control.Action.STOP));
    }

    @Override
    public ComputationGraph model() {
        return model;
    }

    @Override
    public Optional<Path> savedModel() {
        return Optional.ofNullable(saved);
    }

    /** Ends the process at once (the workbench is closing). */
    void kill() {
        process.destroy();
    }

    private synchronized void send(WorkerMessage message) {
        try {
            input.write(codec.encode(message));
            input.write('\n');
            input.flush();
        } catch (IOException e) {
            // The process is gone; reading its output reports how it ended.
        }
    }

    private void read() {
        boolean over = false;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                WorkerMessage m = decode(line);
                if (m instanceof WorkerMessage.Ready) {
                    ready.complete(null);
                } else if (m instanceof WorkerMessage.Event e) {
                    over |= track(e.event());
                    listener.onEvent(e.event());
                } else if (m instanceof WorkerMessage.Captured c) {
                    captured.accept(c.snapshot());
                } else if (m instanceof WorkerMessage.ModelSaved s) {
                    load(s);
                }
            }
        } catch (IOException e) {
            keep("reading the training process: " + e.getMessage());
        }
        ready.complete(null); // a spare that died: whoever waits for it goes on (taking it starts another)
        if (listener == null) {
            return; // never given a run
        }
        if (!over) {
            state = RunState.FAILED;
            model = null; // a copy from an earlier pause is not the model the run ended with
            listener.onEvent(new TrainingEvent.RunFailed(0, "the training process ended unexpectedly (" + exit() + ")"
                    + lastError() + "; the run folder keeps the metrics so far — train again to retry"));
        }
        ended.run();
    }

    private WorkerMessage decode(String line) {
        if (!line.startsWith("{")) {
            keep(line); // a native library writing to standard output
            return null;
        }
        try {
            return codec.decode(line);
        } catch (JsonProcessingException e) {
            keep("unreadable line from the training process: " + e.getOriginalMessage());
            return null;
        }
    }

    private boolean track(TrainingEvent event) {
        if (event instanceof TrainingEvent.StateChanged c) {
            state = c.state();
        } else if (event instanceof TrainingEvent.RunFinished) {
            state = RunState.FINISHED;
        } else if (event instanceof TrainingEvent.RunStopped) {
            state = RunState.STOPPED;
        } else if (event instanceof TrainingEvent.RunFailed) {
            state = RunState.FAILED;
        } else {
            return false;
        }
        return state == RunState.FINISHED || state == RunState.STOPPED || state == RunState.FAILED;
    }

    private void load(WorkerMessage.ModelSaved s) {
        try {
            model = ModelSerializer.restoreComputationGraph(s.file().toFile(), true);
            if (s.paused()) {
                Files.deleteIfExists(s.file());
            } else {
                saved = s.file();
            }
        } catch (IOException | RuntimeException e) {
            keep("cannot load the model the training process saved in " + s.file() + ": " + e.getMessage());
        }
    }

    private String exit() {
        try {
            int code = process.waitFor();
            errorReader.join(2_000); // its last lines say why
            return "exit code " + code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "still running";
        }
    }

    private void keepErrors() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                System.err.println("[training process] " + line);
                keep(line);
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    private synchronized void keep(String line) {
        errors.addLast(line);
        if (errors.size() > KEPT_LINES) {
            errors.removeFirst();
        }
    }

    private synchronized String lastError() {
        return errors.isEmpty() ? "" : "; its last words: " + errors.getLast();
    }
}
