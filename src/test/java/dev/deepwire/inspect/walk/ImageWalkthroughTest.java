package dev.deepwire.inspect.walk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.GraphFixture;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.training.PreparedRun;
import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

/** Stepping through a CNN built from an empty canvas on the digits' rows of 64 pixels. */
class ImageWalkthroughTest {
    @Test
    void aConvolutionsStepNamesItsWholeKernelNotItsFirstTwoSizes() {
        GraphFixture g = new GraphFixture()
                .node("img", "image_input", "channels", 1, "height", 8, "width", 8)
                .node("conv", "conv2d", "filters", 16, "kernel", 3, "padding", "same")
                .node("flat", "flatten")
                .node("out", "softmax_output", "classes", 10)
                .wire("img.out", "conv.in").wire("conv.out", "flat.in").wire("flat.out", "out.in");
        DatasetSpec digits = new DatasetSpec("csv", Map.of("file", "data/digits.csv.gz", "classes", 10, "header", false));
        PreparedRun run = PreparedRun.of(BlockCatalog.standard(), g.graph(), digits, TrainingSettings.defaults(),
                Path.of("sample-projects"));
        assertThat(run.ok()).as(run.problem()).isTrue();
        ComputationGraph net = run.network().instantiate();
        Walkthrough walk = Walkthroughs.of("cnn", "validation example 0", g.graph(), BlockCatalog.standard(), run.network(),
                net, run.data().validation().range(0, 1), 0, 0);
        // W of a 3 x 3 convolution from 1 channel to 16 is 16 x 1 x 3 x 3; the step read 'W: 16 × 1', as if a matrix
        assertThat(walk.step("conv").orElseThrow().lines().get(0)).startsWith("W: 16 × 1 × 3 × 3,  x: 64,  b: 16  →  y: 1024");
        // the dense output's matrix reads as before: inputs × classes
        assertThat(walk.step("out").orElseThrow().lines()).anyMatch(l -> l.startsWith("W: 1024 × 10,  x: 1024,  b: 10  →  y: 10"));
    }

    @Test
    void anImagePatchesStepNamesThePatchsPlaceAndShowsTheImageWithoutAPosition() {
        // The image's step read "Patches.in at position 5 = [the whole image's 64 values]": an image has no positions;
        // and "y at position 5" left the patch's place in the image to work out.
        GraphFixture g = new GraphFixture()
                .node("img", "image_input", "channels", 1, "height", 8, "width", 8)
                .node("patches", "patches", "patch", 2)
                .node("proj", "sequence_dense", "units", 6, "activation", "identity")
                .node("pool", "global_pool", "mode", "mean")
                .node("out", "softmax_output", "classes", 10)
                .wire("img.out", "patches.in").wire("patches.out", "proj.in").wire("proj.out", "pool.in")
                .wire("pool.out", "out.in");
        DatasetSpec digits = new DatasetSpec("csv", Map.of("file", "data/digits.csv.gz", "classes", 10, "header", false));
        PreparedRun run = PreparedRun.of(BlockCatalog.standard(), g.graph(), digits, TrainingSettings.defaults(),
                Path.of("sample-projects"));
        assertThat(run.ok()).as(run.problem()).isTrue();
        ComputationGraph net = run.network().instantiate();
        Walkthrough walk = Walkthroughs.of("patches", "validation example 0", g.graph(), BlockCatalog.standard(),
                run.network(), net, run.data().validation().range(0, 1), 6, 0);
        var lines = walk.step("patches").orElseThrow().lines();
        assertThat(lines).anyMatch(l -> l.startsWith("y at position 6 (the patch at row 1, column 2 of 4 × 4) = "));
        assertThat(lines).noneMatch(l -> l.contains(".in at position")).anyMatch(l -> l.contains("(64 values)"));
        assertThat(walk.step("proj").orElseThrow().lines()).anyMatch(l -> l.startsWith("x at position 6 = "));
    }
}
