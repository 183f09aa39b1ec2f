package dev.deepwire.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.data.MarkerDataset;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.Project;
import dev.deepwire.training.RunOptions;
import dev.deepwire.training.TrainingEngine;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables are captured while training, beside attention maps, spaced out and once more at the end. */
class TableRecorderTest {
    @TempDir
    Path dir;

    @Test
    void aRunCapturesItsTablesAtTheFirstStepEveryKthStepAndTheLast() throws Exception {
        Project p = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        var compiled = new GraphCompiler(BlockCatalog.standard()).compile(p.graph(), CompileOptions.forTraining(p.training())).orThrow();
        Map<String, Object> small = new HashMap<>(p.dataset().params());
        small.put("train", 64 * 12);
        small.put("validation", 16);
        DatasetSplits data = MarkerDataset.generate(new DatasetSpec("marker", small));
        List<AttentionRecorder.Snapshot> captured = new CopyOnWriteArrayList<>();
        CaptureSpec spec = new CaptureSpec(List.of(), 4, 1).withTables(List.of("pos"));
        new TrainingEngine(Runnable::run).start(compiled, data, p.training().withEpochs(1),
                new RunOptions(12, dir, "marker").withStepHook(spec.recorder(data, captured::add)), e -> { });

        int every = TableRecorder.interval(1, 64 * 24);
        assertThat(every).as("a small table: every SPACING-th attention interval").isEqualTo(TableRecorder.SPACING);
        assertThat(captured).extracting(AttentionRecorder.Snapshot::nodeId).containsOnly("pos");
        assertThat(captured).extracting(AttentionRecorder.Snapshot::step).startsWith(1L, 5L, 10L).endsWith(12L)
                .doesNotHaveDuplicates();
        float[][] first = captured.get(0).weights()[0][0];
        float[][] last = captured.get(captured.size() - 1).weights()[0][0];
        assertThat(first.length).as("one row per position").isEqualTo(24);
        assertThat(first[0]).hasSize(64);
        assertThat(last[3]).as("the table learned between the first and the last step").isNotEqualTo(first[3]);
        assertThat(TableRecorder.interval(20, 4000L * 128)).as("wordnet's ComplEx entities: 6 × 20 steps apart").isEqualTo(120);
    }
}
