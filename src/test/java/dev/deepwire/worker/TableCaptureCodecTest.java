package dev.deepwire.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.inspect.AttentionRecorder;
import dev.deepwire.inspect.CaptureSpec;
import dev.deepwire.model.TrainingSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The projector's tables travel to and from a training process: the spec names them, captures come back whole. */
class TableCaptureCodecTest {
    private final WorkerCodec codec = new WorkerCodec();

    private WorkerMessage roundTrip(WorkerMessage m) throws Exception {
        return codec.decode(codec.encode(m));
    }

    @Test
    void aSpecWithTablesAndATableCaptureCross() throws Exception {
        var spec = new CaptureSpec(List.of(), 8, 20, 0.01).withTables(List.of("embed", "score:entities"));
        var start = new WorkerMessage.Start(Path.of("/tmp/p.dwproj"), Path.of("/tmp"), TrainingSettings.defaults(), 0,
                Path.of("/tmp/run"), 25, 0.01, spec);
        assertThat(((WorkerMessage.Start) roundTrip(start)).capture().tables()).containsExactly("embed", "score:entities");

        float[][] table = {{1, 2, 3}, {4, 5, 6}};
        var s = new AttentionRecorder.Snapshot(300, "score:entities", new float[][][][] {{table}}, 0);
        var back = ((WorkerMessage.Captured) roundTrip(WorkerMessage.Captured.of(s))).snapshot();
        assertThat(back.nodeId()).isEqualTo("score:entities");
        assertThat(back.weights()[0][0]).isDeepEqualTo(table);
    }

    @Test
    void aSpecWrittenBeforeTablesReadsAsNone() throws Exception {
        String line = codec.encode(new WorkerMessage.Start(Path.of("/tmp/p.dwproj"), Path.of("/tmp"),
                TrainingSettings.defaults(), 0, Path.of("/tmp/run"), 25, 0.01, new CaptureSpec(List.of("attn"), 8, 20)))
                .replace(",\"tables\":[]", "");
        assertThat(line).doesNotContain("tables");
        assertThat(((WorkerMessage.Start) codec.decode(line)).capture().tables()).isEmpty();
    }
}
