package dev.deepwire.worker;

import dev.deepwire.training.RunState;
import dev.deepwire.training.TrainingEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Stands in for {@link TrainingWorker} in tests of the workbench's side, started in a JVM of its own (no ND4J):
 * <ul>
 *   <li>{@code silent}: never says Ready;
 *   <li>{@code mute}: says Ready, then never answers its run;
 *   <li>{@code stuck}: starts its run, then ignores Stop and cannot be ended politely (as when stuck in native
 *       code: a shutdown hook that never returns stands for that);
 *   <li>{@code garbage}: says Ready, answers its run with garbage (not JSON, unknown types, half messages), exits 3;
 *   <li>{@code echo}: says Ready, reads messages up to a Stop, and reports what it read, in order, as the message
 *       of a RunFailed event (the one text a run's events carry).
 * </ul>
 */
public final class FakeTrainingProcess {
    private static final WorkerCodec CODEC = new WorkerCodec();

    private FakeTrainingProcess() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (mode.equals("silent")) {
            hang();
        }
        say(new WorkerMessage.Ready("fake"));
        String start = in.readLine(); // the run
        switch (mode) {
            case "mute" -> hang();
            case "stuck" -> {
                Runtime.getRuntime().addShutdownHook(new Thread(FakeTrainingProcess::hang));
                say(new WorkerMessage.Event(new TrainingEvent.StateChanged(RunState.RUNNING)));
                hang();
            }
            case "garbage" -> {
                System.out.println("OpenBLAS WARNING - could not determine the L2 cache size");
                System.out.println("{\"type\": \"event\"}");
                System.out.println("{\"type\": \"bogus\", \"x\": 1}");
                System.out.println("{\"type\": \"captured\", \"step\": 3, \"nodeId\": \"attn\", \"shape\": [1, 1, 2, 2], \"weights\": \"AAAA\"}");
                System.out.println("{not json");
                System.out.flush();
                System.exit(3);
            }
            case "echo" -> {
                List<String> read = new ArrayList<>(List.of(describe(start)));
                String line;
                while ((line = in.readLine()) != null) {
                    read.add(describe(line));
                    if (read.get(read.size() - 1).equals("STOP")) {
                        break;
                    }
                }
                say(new WorkerMessage.Event(new TrainingEvent.RunFailed(0, "read " + String.join(", ", read))));
                System.exit(0);
            }
            default -> throw new IllegalArgumentException(mode);
        }
    }

    private static String describe(String line) throws Exception {
        WorkerMessage m = CODEC.decode(line);
        return m instanceof WorkerMessage.Control c ? c.action().name() : m.getClass().getSimpleName();
    }

    private static void say(WorkerMessage m) {
        System.out.println(CODEC.encode(m));
        System.out.flush();
    }

    private static void hang() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
