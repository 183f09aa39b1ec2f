package dev.deepwire.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.inspect.AttentionRecorder;
import dev.deepwire.inspect.CaptureSpec;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.training.NodeHealth;
import dev.deepwire.training.RunState;
import dev.deepwire.training.TrainingEvent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerCodecTest {
    private final WorkerCodec codec = new WorkerCodec();

    private WorkerMessage roundTrip(WorkerMessage m) throws Exception {
        String line = codec.encode(m);
        assertThat(line).doesNotContain("\n");
        return codec.decode(line);
    }

    @Test
    void everyTrainingEventCrossesUnchanged() throws Exception {
        List<TrainingEvent> events = List.of(
                new TrainingEvent.RunStarted("marker", 5, 40, 12_345, 2_560, 640, "CPU, AVX512, 1 thread"),
                new TrainingEvent.LearningRate(1, 1e-3),
                new TrainingEvent.StepCompleted(7, 1, 0.6931, 2_400.5),
                new TrainingEvent.EpochCompleted(1, 40, 0.5, Double.NaN, 0.875),
                new TrainingEvent.SelectionMeasured(1, 40, "validation filtered MRR", 0.231),
                new TrainingEvent.HealthMeasured(25, List.of(new NodeHealth("attn", 1e-3, 0.1, 1.2, 0, 0.5, 4_096),
                        new NodeHealth("out", Double.POSITIVE_INFINITY, Double.NaN, 0, 3, 0, 0))),
                new TrainingEvent.CheckpointSaved(1, 40, Path.of("/tmp/runs/m/best.zip")),
                new TrainingEvent.StateChanged(RunState.PAUSED),
                new TrainingEvent.RunFinished(200, 5, 0.99, "all 5 epochs done"),
                new TrainingEvent.RunStopped(12, 1, Double.NaN),
                new TrainingEvent.RunFailed(3, "the training loss became NaN", "attn"),
                new TrainingEvent.RunFailed(0, "out of memory"));
        assertThat(TrainingEvent.class.getPermittedSubclasses())
                .as("a new event type is added to this test").hasSize((int) events.stream().map(Object::getClass).distinct().count());
        for (TrainingEvent e : events) {
            assertThat(roundTrip(new WorkerMessage.Event(e))).isEqualTo(new WorkerMessage.Event(e));
        }
    }

    @Test
    void attentionMapsCrossWithEveryWeight() throws Exception {
        float[][][][] w = {{{{0.25f, 0.75f, 0f}, {1f, 0f, 0f}}, {{0.5f, 0.5f, 0f}, {0.1f, 0.9f, Float.MIN_VALUE}}},
                {{{1f / 3, 1f / 3, 1f / 3}, {0f, 0f, 1f}}, {{0.2f, 0.3f, 0.5f}, {0.7f, 0.2f, 0.1f}}}};
        var s = new AttentionRecorder.Snapshot(20, "attn", w, 3e-7);
        var back = ((WorkerMessage.Captured) roundTrip(WorkerMessage.Captured.of(s))).snapshot();
        assertThat(back.step()).isEqualTo(20);
        assertThat(back.nodeId()).isEqualTo("attn");
        assertThat(back.maxError()).isEqualTo(3e-7);
        assertThat(back.weights()).isDeepEqualTo(w);
    }

    @Test
    void startAndControlsCross() throws Exception {
        var start = new WorkerMessage.Start(Path.of("/tmp/run 1/project.dwproj"), Path.of("/tmp/data"),
                TrainingSettings.defaults().withEpochs(3).withValidationSplit(0.2), 50, Path.of("/tmp/run 1"), 25, 0.01,
                new CaptureSpec(List.of("attn"), 8, 20, 0.01));
        assertThat(roundTrip(start)).isEqualTo(start);
        var noCapture = new WorkerMessage.Start(start.project(), start.dataFolder(), start.settings(), 0, start.runDir(), 0, 0, null);
        assertThat(roundTrip(noCapture)).isEqualTo(noCapture);
        for (var a : WorkerMessage.Control.Action.values()) {
            assertThat(roundTrip(new WorkerMessage.Control(a))).isEqualTo(new WorkerMessage.Control(a));
        }
        assertThat(roundTrip(new WorkerMessage.ModelSaved(Path.of("/tmp/m.zip"), true)))
                .isEqualTo(new WorkerMessage.ModelSaved(Path.of("/tmp/m.zip"), true));
        assertThat(roundTrip(new WorkerMessage.Ready("CPU"))).isEqualTo(new WorkerMessage.Ready("CPU"));
    }
}
