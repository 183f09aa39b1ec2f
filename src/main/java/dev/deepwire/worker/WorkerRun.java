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
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
    private static final int KEPT_LINES = 20;
    /** One daemon thread for every run's deadlines; the tasks only end processes. */
    private static final ScheduledExecutorService DEADLINES = deadlines();
    private final WorkerCodec codec = new WorkerCodec();
    private final Timeouts timeouts;
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
    /** Controls given before the run was sent, sent after it; null once it has been sent. */
    private List<WorkerMessage> beforeStart = new ArrayList<>();
    private boolean answered;
    private ScheduledFuture<?> deadline;
    /** Set once Stop was sent: the process must then make progress towards its end. */
    private boolean stopping;
    private ScheduledFuture<?> endDeadline;
    /** Why this side ended the process (null: it ended by itself). */
    private volatile String endedBecause;

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
        errorReader.setDaemon(true);
        errorReader.start();
        Thread out = new Thread(this::read, "deepwire-worker-in");
        out.setDaemon(true);
        out.start();
        expectAnswer(timeouts.ready(), "did not say it was ready");
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
        List<WorkerMessage> queued;
        synchronized (this) {
            send(start);
            queued = beforeStart;
            beforeStart = null;
            queued.forEach(this::send);
            if (ready.isDone()) {
                expectAnswer(timeouts.reply(), "did not answer the run it was sent");
                if (stopping) {
                    endUnlessHeardWithin(stopReason());
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
                endUnlessHeardWithin(stopReason());
            }
        }
    }

    private String stopReason() {
        return "did not stop within " + seconds(timeouts.stopGrace()) + " of being asked and was ended";
    }

    /** Ends the process for {@code reason} unless it says something within the stop grace (which re-arms this). */
    private synchronized void endUnlessHeardWithin(String reason) {
        if (endDeadline != null) {
            endDeadline.cancel(false);
        }
        endDeadline = DEADLINES.schedule(() -> end(reason), timeouts.stopGrace().toMillis(), TimeUnit.MILLISECONDS);
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
        end("was ended as the workbench closed");
    }

    /**
     * Ends the process, {@code reason} saying how for the run's failure message ("… and was ended"): SIGTERM, then
     * SIGKILL after the grace.
     */
    private void end(String reason) {
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
        }, timeouts.stopGrace().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** From now, the process must say something within {@code limit}, or it is ended forcibly. */
    private synchronized void expectAnswer(Duration limit, String otherwise) {
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

    /**
     * A message arrived: Ready completes {@link #ready()} and starts the reply deadline if a run was sent meanwhile;
     * any other message clears it, and while stopping re-arms the stop deadline.
     */
    private synchronized void heard(WorkerMessage m) {
        if (m instanceof WorkerMessage.Ready && beforeStart == null) {
            expectAnswer(timeouts.reply(), "did not answer the run it was sent");
        } else {
            answered = true;
            if (deadline != null) {
                deadline.cancel(false);
            }
        }
        if (m instanceof WorkerMessage.Ready) {
            ready.complete(null);
        }
        if (stopping && beforeStart == null) {
            endUnlessHeardWithin(stopReason());
        }
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
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
                if (m != null) {
                    heard(m);
                }
                if (m instanceof WorkerMessage.Event e) {
                    if (track(e.event()) && !over) {
                        over = true;
                        endUnlessHeardWithin("did not exit after its run ended and was ended"); // the exit is all that is left
                    }
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
            String exit = exit();
            String why = endedBecause == null ? "ended unexpectedly (" + exit + ")" + lastError()
                    : endedBecause + " (" + exit + ")" + lastError();
            listener.onEvent(new TrainingEvent.RunFailed(0, "the training process " + why
                    + "; the run folder keeps the metrics so far — train again to retry"));
        }
        ended.run();
    }

    private WorkerMessage decode(String line) {
        if (!line.startsWith("{")) {
            keep(line); // a native library writing to standard output
            return null;
        }
        try {
            WorkerMessage m = codec.decode(line);
            if (!complete(m)) {
                keep("incomplete message from the training process: " + abbreviate(line));
                return null;
            }
            return m;
        } catch (JsonProcessingException e) {
            keep("unreadable line from the training process: " + abbreviate(line) + " (" + e.getOriginalMessage() + ")");
            return null;
        }
    }

    /** Whether a message has what handling it reads (a process that writes half a message is not trusted). */
    private static boolean complete(WorkerMessage m) {
        if (m instanceof WorkerMessage.Event e) {
            return e.event() != null;
        }
        if (m instanceof WorkerMessage.Captured c) {
            return c.nodeId() != null && c.shape() != null && c.shape().length == 4 && c.weights() != null
                    && java.util.Arrays.stream(c.shape()).allMatch(n -> n > 0)
                    && 4L * c.shape()[0] * c.shape()[1] * c.shape()[2] * c.shape()[3] == c.weights().length;
        }
        if (m instanceof WorkerMessage.ModelSaved s) {
            return s.file() != null;
        }
        return m != null;
    }

    private static String abbreviate(String line) {
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
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

    /** How the process ended; one that closed its output but goes on running is ended. */
    private String exit() {
        try {
            if (!process.waitFor(timeouts.stopGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                if (!process.waitFor(timeouts.stopGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                    return "closed its output but does not end";
                }
            }
            errorReader.join(2_000); // its last lines say why
            return "exit code " + process.exitValue();
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
