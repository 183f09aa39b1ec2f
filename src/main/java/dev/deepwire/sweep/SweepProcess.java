package dev.deepwire.sweep;

import dev.deepwire.training.backend.NativeTuning;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One local process of a sweep ({@link LocalSweepExecutor}): reads the task body, then tasks, one line each, from
 * standard input and answers each with its outcome on standard output (library output goes to standard error);
 * exits when its input closes.
 */
public final class SweepProcess {
    private SweepProcess() {
    }

    public static void main(String[] args) throws IOException {
        NativeTuning.prepare(); // before ND4J loads
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        }
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String first = in.readLine();
        if (first == null) {
            return;
        }
        SweepTaskBody body = SweepWire.decode(first, SweepTaskBody.class);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            SweepTask task = SweepWire.decode(line, SweepTask.class);
            SweepOutcome outcome;
            try {
                outcome = body.run(task);
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                outcome = SweepOutcome.failed(task.runName(), "the run could not train: " + e);
            }
            protocol.println(SweepWire.OUTCOME + SweepWire.encode(outcome));
            protocol.flush();
        }
    }
}
