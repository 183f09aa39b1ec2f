package dev.deepwire.worker;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A run in a training process, seen from the workbench: controls go down its input; its output is read on a
 * thread of its own, events passed on in order, and each model copy it saves is loaded here before the event it
 * belongs to (so a paused or ended run's model is ready when the workbench learns of the pause or the end).
 *
 * <p>A process is never waited for without a limit: one that does not say Ready, or does not answer a run's Start,
 * in time is ended, and one that does not stop when asked is ended too — politely first, then forcibly (a process
 * stuck in native code may not end otherwise). Either way the run ends as failed with the reason. Controls given
 * before the run is sent are kept and sent after it, in order.
 */
final class WorkerRun implements RunControl {
    private final WorkerCodec codec = new WorkerCodec();
    private final Timeouts timeouts;
    private final Process process;
    private final Writer input;
    private final ProcessDeadlines deadlines;
    private final WorkerLines lines;
    private volatile RunState state = RunState.STARTING;
    private volatile ComputationGraph model;
    private volatile Path saved;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    /** Set by {@link #begin}, before the run is sent: only Ready comes earlier. */
    private volatile TrainingListener listener;
    private volatile Consumer<AttentionRecorder.Snapshot> captured;
    private volatile Runnable ended;
    /** Controls given before the run was sent, sent after it; null once it has been sent. */
    private List<WorkerMessage> beforeStart = new ArrayList<>();
    /** Set once Stop was sent: the process must then make progress towards its end. */
    private boolean stopping;

    /**
     * How long the workbench waits for a training process: for Ready after launch (it loads ND4J and warms up),
     * for the first answer to a run's Start (it compiles the graph and loads the data), and, after Stop, before
     * ending it and again before ending it forcibly.
     */
    record Timeouts(Duration ready, Duration reply, Duration stopGrace) {
        /** 3 minutes, 5 minutes and 15 s, or {@code -Ddeepwire.worker.readySeconds}, {@code .replySeconds}, {@code .stopSeconds}. */
        static Timeouts fromProperties() {
            return new Timeouts(Duration.ofSeconds(Long.getLong("deepwire.worker.readySeconds", 180)),
                    Duration.ofSeconds(Long.getLong("deepwire.worker.replySeconds", 300)),
                    Duration.ofSeconds(Long.getLong("deepwire.worker.stopSeconds", 15)));
        }
    }

    /** Takes over a just-started training process and reads its output from now on (its Ready line first). */
    WorkerRun(Process process) {
        this(process, Timeouts.fromProperties());
    }

    WorkerRun(Process process, Timeouts timeouts) {
        this.process = process;
        this.timeouts = timeouts;
        this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.deadlines = new ProcessDeadlines(process, timeouts.stopGrace());
        this.lines = new WorkerLines(codec, process.getErrorStream());
        Thread out = new Thread(this::read, "deepwire-worker-in");
        out.setDaemon(true);
        out.start();
        deadlines.expectAnswer(timeouts.ready(), "did not say it was ready");
    }

    /** Completes once the process has loaded ND4J and warmed up (or has gone). */
    CompletableFuture<Void> ready() {
        return ready;
    }

    @Override
    public CompletableFuture<Void> processReady() {
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
        List<WorkerMessage> queued;
        synchronized (this) {
            send(start);
            queued = beforeStart;
            beforeStart = null;
            queued.forEach(this::send);
            if (ready.isDone()) {
                deadlines.expectAnswer(timeouts.reply(), "did not answer the run it was sent");
                if (stopping) {
                    deadlines.endUnlessHeardWithin(stopReason());
                }
            } // else the Ready deadline runs on, and the others start at Ready
        }
    }

    @Override
    public RunState state() {
        return state;
    }

    @Override
    public void pause() {
        control(WorkerMessage.Control.Action.PAUSE);
    }

    @Override
    public void resume() {
        control(WorkerMessage.Control.Action.RESUME);
    }

    /**
     * Asks the run to stop after its step; a process that has Stop in hand and then says nothing for
     * {@code stopGrace} (stuck, e.g. in native code) is ended. Until it is ready, the Ready deadline stands instead.
     */
    @Override
    public void stop() {
        control(WorkerMessage.Control.Action.STOP);
        synchronized (this) {
            stopping = true;
            if (beforeStart == null && ready.isDone()) {
                deadlines.endUnlessHeardWithin(stopReason());
            }
        }
    }

    private String stopReason() {
        return "did not stop within " + ProcessDeadlines.seconds(timeouts.stopGrace()) + " of being asked and was ended";
    }

    private synchronized void control(WorkerMessage.Control.Action action) {
        WorkerMessage m = new WorkerMessage.Control(action);
        if (beforeStart != null) {
            beforeStart.add(m);
        } else {
            send(m);
        }
    }

    @Override
    public ComputationGraph model() {
        return model;
    }

    @Override
    public Optional<Path> savedModel() {
        return Optional.ofNullable(saved);
    }

    /** Ends the process at once (the workbench is closing): politely, then forcibly if it is still there. */
    void kill() {
        deadlines.end("was ended as the workbench closed");
    }

    /**
     * A message arrived: Ready completes {@link #ready()} and starts the reply deadline if a run was sent meanwhile;
     * any other message clears it, and while stopping re-arms the stop deadline.
     */
    private synchronized void heard(WorkerMessage m) {
        if (m instanceof WorkerMessage.Ready && beforeStart == null) {
            deadlines.expectAnswer(timeouts.reply(), "did not answer the run it was sent");
        } else {
            deadlines.answered();
        }
        if (m instanceof WorkerMessage.Ready) {
            ready.complete(null);
        }
        if (stopping && beforeStart == null) {
            deadlines.endUnlessHeardWithin(stopReason());
        }
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
                WorkerMessage m = lines.decode(line);
                if (m != null) {
                    heard(m);
                }
                if (m instanceof WorkerMessage.Event e) {
                    if (track(e.event()) && !over) {
                        over = true;
                        deadlines.endUnlessHeardWithin("did not exit after its run ended and was ended"); // the exit is all that is left
                    }
                    listener.onEvent(e.event());
                } else if (m instanceof WorkerMessage.Captured c) {
                    captured.accept(c.snapshot());
                } else if (m instanceof WorkerMessage.ModelSaved s) {
                    load(s);
                }
            }
        } catch (IOException e) {
            lines.keep("reading the training process: " + e.getMessage());
        }
        ready.complete(null); // a spare that died: whoever waits for it goes on (taking it starts another)
        if (listener == null) {
            return; // never given a run
        }
        if (!over) {
            state = RunState.FAILED;
            model = null; // a copy from an earlier pause is not the model the run ended with
            String exit = deadlines.exit(lines);
            String endedBecause = deadlines.endedBecause();
            String why = endedBecause == null ? "ended unexpectedly (" + exit + ")" + lines.lastError()
                    : endedBecause + " (" + exit + ")" + lines.lastError();
            listener.onEvent(new TrainingEvent.RunFailed(0, "the training process " + why
                    + "; the run folder keeps the metrics so far — train again to retry"));
        }
        ended.run();
    }

    /** Follows the run's state; true when the event ends the run. */
    private boolean track(TrainingEvent event) {
        RunState end = TrainingEvent.endState(event);
        if (end != null) {
            state = end;
        } else if (event instanceof TrainingEvent.StateChanged c) {
            state = c.state();
        }
        return end != null;
    }

    private void load(WorkerMessage.ModelSaved s) {
        try {
            // checked like any model file: the run folder is a folder other programs can write
            try (var checked = dev.deepwire.limits.ModelZips.checkedCopy(s.file())) {
                model = ModelSerializer.restoreComputationGraph(checked.file().toFile(), true);
            }
            if (s.paused()) {
                Files.deleteIfExists(s.file());
            } else {
                saved = s.file();
            }
        } catch (IOException | RuntimeException e) {
            lines.keep("cannot load the model the training process saved in " + s.file() + ": " + e.getMessage());
        }
    }
}
