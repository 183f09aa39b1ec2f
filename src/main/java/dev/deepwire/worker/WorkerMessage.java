package dev.deepwire.worker;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.deepwire.inspect.AttentionRecorder;
import dev.deepwire.inspect.CaptureSpec;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.training.TrainingEvent;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;

/**
 * What the workbench and its training process say to each other, one JSON object a line: the workbench sends
 * {@link Start} and {@link Control}; the process answers {@link Ready}, then {@link Event}s, {@link Captured}
 * attention maps and {@link ModelSaved} copies of the model.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = WorkerMessage.Ready.class, name = "ready"),
        @JsonSubTypes.Type(value = WorkerMessage.Start.class, name = "start"),
        @JsonSubTypes.Type(value = WorkerMessage.Control.class, name = "control"),
        @JsonSubTypes.Type(value = WorkerMessage.Event.class, name = "event"),
        @JsonSubTypes.Type(value = WorkerMessage.Captured.class, name = "captured"),
        @JsonSubTypes.Type(value = WorkerMessage.ModelSaved.class, name = "model")})
public sealed interface WorkerMessage {

    /** The process has loaded ND4J and waits for its run. */
    record Ready(String backend) implements WorkerMessage {
    }

    /**
     * The one run this process trains: the project as saved in the run folder, where its relative data paths start,
     * the settings, a step limit (0: none), how often health is measured and the share of the training's time it may
     * take (0: no limit), and what to capture (null: nothing).
     */
    record Start(Path project, Path dataFolder, TrainingSettings settings, long maxSteps, Path runDir, int healthEvery,
                 double healthBudget, CaptureSpec capture) implements WorkerMessage {
    }

    /** Pause, resume or stop the run. */
    record Control(Action action) implements WorkerMessage {
        public enum Action { PAUSE, RESUME, STOP }
    }

    /** Something the run did. */
    record Event(TrainingEvent event) implements WorkerMessage {
    }

    /**
     * Attention maps captured between two steps; the weights {@code [example][head][query][key]} travel as the
     * bytes of their floats (base64 in the line), a fraction of the work of writing and parsing them as numbers.
     */
    record Captured(long step, String nodeId, int[] shape, byte[] weights, double maxError) implements WorkerMessage {
        static Captured of(AttentionRecorder.Snapshot s) {
            float[][][][] w = s.weights();
            int[] shape = {w.length, w[0].length, w[0][0].length, w[0][0][0].length};
            ByteBuffer bytes = ByteBuffer.allocate(4 * shape[0] * shape[1] * shape[2] * shape[3]);
            FloatBuffer floats = bytes.asFloatBuffer();
            for (float[][][] example : w) {
                for (float[][] head : example) {
                    for (float[] query : head) {
                        floats.put(query);
                    }
                }
            }
            return new Captured(s.step(), s.nodeId(), shape, bytes.array(), s.maxError());
        }

        AttentionRecorder.Snapshot snapshot() {
            FloatBuffer floats = ByteBuffer.wrap(weights).asFloatBuffer();
            float[][][][] w = new float[shape[0]][shape[1]][shape[2]][shape[3]];
            for (float[][][] example : w) {
                for (float[][] head : example) {
                    for (float[] query : head) {
                        floats.get(query);
                    }
                }
            }
            return new AttentionRecorder.Snapshot(step, nodeId, w, maxError);
        }
    }

    /**
     * The model was written to a file, sent before the event it belongs to: at a pause (a temporary copy the
     * workbench reads and deletes) or at the end of the run (the run's {@code model.zip}).
     */
    record ModelSaved(Path file, boolean paused) implements WorkerMessage {
    }
}
