package dev.deepwire.sweep;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * A task body for tests that trains nothing: it returns a finished outcome whose run.json carries the run's
 * settings and a selection figure (its "x" setting), fails the runs named in {@code failing} with a reason, and
 * ends its whole process (as a crash would) for the runs named in {@code crashing}.
 */
record FakeSweepBody(Set<String> failing, Set<String> crashing) implements SweepTaskBody {
    @Override
    public SweepOutcome run(SweepTask task) {
        if (crashing.contains(task.runName())) {
            System.err.println("fake crash of " + task.runName());
            Runtime.getRuntime().halt(7);
        }
        if (failing.contains(task.runName())) {
            return new SweepOutcome(task.runName(), false, "the loss diverged (fake)",
                    Map.of("metrics.csv", "step,epoch,train_loss,val_loss,val_accuracy\n".getBytes(StandardCharsets.UTF_8)));
        }
        String x = task.settings().getOrDefault("x", "0");
        if (System.out == System.err) { // in a SweepProcess (never in the test's own JVM, whose output surefire reads)
            // as a native library might: straight to the process's standard output, between the protocol's lines
            new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true)
                    .println("noise from a library");
        }
        String json = "{\"project\":\"fake\",\"outcome\":\"finished\",\"status\":\"FINISHED\",\"settings\":{},"
                + "\"swept\":{\"x\":\"" + x + "\"},\"metrics\":{\"selection\":\"validation loss\",\"selectionValue\":" + x + "}}";
        return new SweepOutcome(task.runName(), true, null, Map.of("run.json", json.getBytes(StandardCharsets.UTF_8),
                "metrics.csv", "step,epoch,train_loss,val_loss,val_accuracy\n1,1,0.5,0.4,0.9\n".getBytes(StandardCharsets.UTF_8),
                "../escape.txt", "outside".getBytes(StandardCharsets.UTF_8)));
    }
}
