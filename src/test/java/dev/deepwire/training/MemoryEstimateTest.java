package dev.deepwire.training;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.data.MarkerDataset;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.Project;
import java.nio.file.Path;
import java.util.Map;
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

    @Test
    void attentionScoresAreCountedAndALongManyHeadedModelIsRefusedBeforeAllocation() throws Exception {
        Project p = marker();
        MemoryEstimate small = MemoryEstimate.of(compile(p), 64);
        p.graph().setParam("tokens", "length", 4096);
        p.graph().setParam("attn", "heads", 64);
        CompiledNetwork net = compile(p);
        MemoryEstimate e = MemoryEstimate.of(net, 64);
        long scores = 64L * 64 * 4096 * 4096; // batch × heads × T × T
        assertThat(e.attentionBytes()).isGreaterThanOrEqualTo(scores * 4 * 2);
        assertThat(e.bytes()).isGreaterThan(small.bytes() * 1000).isGreaterThan(275L << 30);
        assertThat(e.problem(64L << 30)).hasValueSatisfying(m -> assertThat(m).contains("attention scores")
                .contains("shorter sequences"));
        var data = MarkerDataset.generate(new DatasetSpec("marker",
                Map.of("length", 4096, "train", 64, "validation", 8)));
        TrainingRun run = new TrainingEngine(Runnable::run).start(net, data, p.training(), RunOptions.defaults("long"), ev -> { });
        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(((TrainingEvent.RunFailed) run.outcome()).message()).contains("attention scores");
        assertThat(run.model()).as("nothing was allocated").isNull();
    }

    @Test
    void aBatchLargerThanTheDataIsEstimatedAtTheDataSize() throws Exception {
        Project p = marker();
        CompiledNetwork net = compile(p);
        var data = MarkerDataset.generate(new DatasetSpec("marker",
                Map.of("length", 24, "train", 32, "validation", 8)));
        // At 2,000,000 examples per batch the marker network would need far more than any machine; the data has 32.
        assertThat(MemoryEstimate.of(net, 2_000_000).problem(MemoryEstimate.available())).isPresent();
        TrainingRun run = new TrainingEngine(Runnable::run).start(net, data, p.training().withBatchSize(2_000_000)
                .withEpochs(1), RunOptions.defaults("big-batch"), ev -> { });
        assertThat(run.state()).isEqualTo(RunState.FINISHED);
    }

    @Test
    void selfAttentionOverEveryPixelOfA4096ImageIsRefusedNamingImagePatches() {
        var g = new dev.deepwire.GraphFixture().node("img", "image_input", "height", 4096, "width", 4096)
                .node("patches", "patches", "patch", 1).node("attn", "self_attention", "heads", 1)
                .node("pool", "global_pool").node("out", "softmax_output")
                .wire("img.out", "patches.in").wire("patches.out", "attn.in").wire("attn.out", "pool.in")
                .wire("pool.out", "out.in").graph();
        CompiledNetwork net = new GraphCompiler(BlockCatalog.standard()).compile(g,
                CompileOptions.forTraining(dev.deepwire.model.TrainingSettings.defaults())).orThrow();
        MemoryEstimate e = MemoryEstimate.of(net, 32);
        assertThat(e.attentionBytes()).isGreaterThanOrEqualTo(32L * 4096 * 4096 * 4096 * 4096 / 1000);
        assertThat(e.problem(MemoryEstimate.available())).hasValueSatisfying(m -> assertThat(m)
                .contains("attention scores").contains("larger image patches"));
    }
}
