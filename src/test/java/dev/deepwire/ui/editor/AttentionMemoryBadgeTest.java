package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.GraphFixture;
import dev.deepwire.limits.TrainingMemory;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Issue;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An attention over a sequence so long that its scores cannot fit in training's memory is badged on the block, with
 * the size per example and per batch and the fix; the editor had said "Ready to train" over 16.7 million positions.
 */
class AttentionMemoryBadgeTest {

    private static EditorViewModel vm(GraphFixture g, int batch) {
        return new EditorViewModel(BlockCatalog.standard(), new Project("t", "", g.graph(), null,
                TrainingSettings.defaults().withBatchSize(batch)), Runnable::run, Runnable::run);
    }

    private static GraphFixture image(int side, int patch, String attention) {
        GraphFixture g = new GraphFixture().node("attn", attention, "heads", 1).node("img", "image_input", "height", side, "width", side)
                .node("patches", "patches", "patch", patch).wire("img.out", "patches.in")
                .node("pool", "global_pool").node("out", "softmax_output").wire("attn.out", "pool.in")
                .wire("pool.out", "out.in");
        if (attention.equals("cross_attention")) {
            return g.node("text", "token_input").node("emb", "token_embedding", "dim", 16)
                    .wire("text.out", "emb.in")
                    .wire("emb.out", "attn.queries").wire("patches.out", "attn.keys");
        }
        return g.wire("patches.out", "attn.in");
    }

    private static List<Issue> memoryIssues(EditorViewModel vm) {
        return vm.analysisProperty().get().issuesOf("attn").stream()
                .filter(i -> i.message().startsWith("attention over")).toList();
    }

    @Test
    void selfAttentionOverEveryPixelOfA4096ImageIsAnErrorSayingHowMuchAndWhatToDo() {
        EditorViewModel vm = vm(image(4096, 1, "self_attention"), 32);
        assertThat(memoryIssues(vm)).singleElement().satisfies(i -> {
            assertThat(i.isError()).isTrue();
            assertThat(i.message()).contains("16,777,216 positions").contains("per example")
                    .contains("for a batch of 32").contains("larger image patches").contains("Pooling 2D")
                    .contains("training refuses it");
        });
        assertThat(vm.analysisProperty().get().issues().stream().filter(Issue::isError).count())
                .as("the dock counts it: not ready to train").isEqualTo(1);
    }

    @Test
    void crossAttentionFromTextToEveryPixelIsFlaggedToo() {
        EditorViewModel vm = vm(image(4096, 1, "cross_attention"), 32);
        assertThat(memoryIssues(vm)).singleElement().satisfies(i -> assertThat(i.message())
                .contains("24 queries × 16,777,216 keys").contains("larger image patches"));
    }

    @Test
    void aBatchTooLargeForTheScoresIsAWarningThatGoesWithASmallerBatch() {
        // 4,096 patches: 4,096² scores × 16 bytes = 256 MB per example, fits alone; 32 of them do not
        long perExample = 4096L * 4096 * 16;
        assertThat(perExample).isLessThan(TrainingMemory.judged());
        EditorViewModel vm = vm(image(256, 4, "self_attention"), 32);
        assertThat(memoryIssues(vm)).singleElement().satisfies(i -> {
            assertThat(i.isError()).isFalse();
            assertThat(i.message()).contains("4,096 positions").contains("256 MB per example")
                    .contains("8.0 GB for a batch of 32");
        });
        vm.setTraining(vm.project().training().withBatchSize(1));
        assertThat(memoryIssues(vm)).as("one example's scores fit").isEmpty();
        vm.undo();
        assertThat(memoryIssues(vm)).hasSize(1);
    }

    @Test
    void anOrdinaryImageAttentionHasNoMemoryBadge() {
        EditorViewModel vm = vm(image(28, 4, "self_attention"), 64);
        assertThat(vm.analysisProperty().get().shapes().outputOf("attn")).isPresent();
        assertThat(vm.analysisProperty().get().issuesOf("attn")).isEmpty();
    }

    @Test
    void noSampleIsBadgedForItsAttentionsMemory() throws Exception {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("sample-projects"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".dwproj")).sorted().toList()) {
                Project p = new dev.deepwire.io.ProjectReader().read(file);
                EditorViewModel vm = new EditorViewModel(BlockCatalog.standard(), p, Runnable::run, Runnable::run);
                assertThat(vm.analysisProperty().get().issues()).as(file.toString())
                        .noneMatch(i -> i.message().startsWith("attention over"));
            }
        }
    }
}
