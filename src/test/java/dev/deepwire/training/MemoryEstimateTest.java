package dev.deepwire.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.data.MarkerDataset;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Networks too big for memory are refused before anything is allocated, with the estimate and the block to shrink. */
class MemoryEstimateTest {

    private static Project marker() throws Exception {
        return new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
    }

    private static CompiledNetwork compile(Project p) {
        return new GraphCompiler(BlockCatalog.standard()).compile(p.graph(), CompileOptions.forTraining(p.training())).orThrow();
    }

    @Test
    void theMarkerSampleNeedsLittle() throws Exception {
        MemoryEstimate e = MemoryEstimate.of(compile(marker()), 64);
        assertThat(e.bytes()).isBetween(1L << 20, 200L << 20);
        assertThat(e.problem(MemoryEstimate.available())).isEmpty();
    }

    @Test
    void aHugeEmbeddingIsRefusedBeforeAllocationNamingIt() throws Exception {
        Project p = marker();
        p.graph().setParam("tokens", "vocabulary", 1_000_000);
        p.graph().setParam("embed", "dim", 8192);
        p.graph().setParam("attn", "heads", 8);
        CompiledNetwork net = compile(p);
        MemoryEstimate e = MemoryEstimate.of(net, 64);
        assertThat(e.largestNode()).isEqualTo("embed");
        assertThat(e.problem(8L << 30)).hasValueSatisfying(m -> assertThat(m)
                .contains("needs about").contains("GB").contains("'embed' with 8,192,000,000 parameters").contains("make it smaller"));
        TrainingRun run = new TrainingEngine(Runnable::run).start(net, MarkerDataset.generate(p.dataset()), p.training(),
                RunOptions.defaults("huge"), ev -> { });
        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(((TrainingEvent.RunFailed) run.outcome()).message()).contains("needs about");
        assertThat(run.model()).as("nothing was allocated").isNull();
    }
}
