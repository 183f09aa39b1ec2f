package dev.deepwire.ui.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.data.MarkerDataset;
import dev.deepwire.inspect.AttentionRecorder;
import dev.deepwire.inspect.CaptureSpec;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.Project;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run's tables are asked for with its attention maps, and their captures go to the projector, not the inspector. */
class AttentionSessionTablesTest {

    @Test
    void tablesAreCapturedBesideAttentionAndRoutedToTheProjector() throws Exception {
        Project p = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        var network = new GraphCompiler(BlockCatalog.standard()).compile(p.graph(), CompileOptions.forTraining(p.training())).orThrow();
        Map<String, Object> small = new HashMap<>(p.dataset().params());
        small.put("train", 64);
        small.put("validation", 16);
        DatasetSplits data = MarkerDataset.generate(new DatasetSpec("marker", small));
        AttentionSession session = new AttentionSession(Runnable::run);

        CaptureSpec spec = session.watch(network, data);
        assertThat(spec.nodes()).containsExactly("attn");
        assertThat(spec.tables()).containsExactly("embed", "pos");

        float[][] positions = new float[24][64];
        positions[3][5] = 1;
        session.captured(new AttentionRecorder.Snapshot(40, "pos", new float[][][][] {{positions}}, 0));
        assertThat(session.snapshots()).as("the attention inspector's captures").isEmpty();
        var captured = session.projector().of("pos");
        assertThat(captured).singleElement().satisfies(t -> {
            assertThat(t.step()).isEqualTo(40);
            assertThat(t.rows()[3][5]).isEqualTo(1f);
            assertThat(t.labels()).hasSize(24).startsWith("0", "1");
        });
    }
}
