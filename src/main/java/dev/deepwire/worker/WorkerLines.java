package dev.deepwire.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.deepwire.training.backend.TrainingJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * What a training process writes, as the workbench reads it: its output lines decoded into messages (a line that
 * is not a whole message is kept, not trusted), and the last lines of its error output, which say why it ended.
 */
final class WorkerLines {
    private static final int KEPT_LINES = 20;
    private final WorkerCodec codec;
    private final Deque<String> errors = new ArrayDeque<>();
    private final Thread errorReader;

    /** Starts copying the process's error output (to this JVM's and to the kept lines). */
    WorkerLines(WorkerCodec codec, InputStream errorOutput) {
        this.codec = codec;
        this.errorReader = new Thread(() -> keepErrors(errorOutput), "deepwire-worker-err");
        errorReader.setDaemon(true);
        errorReader.start();
    }

    /** The message on an output line, or null (and the line kept) when it is not a whole message. */
    WorkerMessage decode(String line) {
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
                    && Arrays.stream(c.shape()).allMatch(n -> n > 0)
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

    /** Waits briefly for the error output's last lines (they say why the process ended). */
    void awaitErrors() throws InterruptedException {
        errorReader.join(2_000);
    }

    private void keepErrors(InputStream errorOutput) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(errorOutput, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (TrainingJvm.isStartupNotice(line)) {
                    continue;
                }
                System.err.println("[training process] " + line);
                keep(line);
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    synchronized void keep(String line) {
        errors.addLast(line);
        if (errors.size() > KEPT_LINES) {
            errors.removeFirst();
        }
    }

    /** "; its last words: …", or empty when it said nothing. */
    synchronized String lastError() {
        return errors.isEmpty() ? "" : "; its last words: " + errors.getLast();
    }
}
