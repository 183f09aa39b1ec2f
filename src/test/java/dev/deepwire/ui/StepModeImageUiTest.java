package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.GraphFixture;
import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.inspect.TrainedModel;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.testing.ScratchDirs;
import dev.deepwire.ui.step.StepMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Step mode on a CNN built on a CSV of pixels (the digits, 64 values a row into an Image input of 1 × 8 × 8): the walk
 * takes the rows as images, and the panel offers only the choices that mean something for it — no typed text (it had
 * ended step mode: "typed input needs a token input"), no position, no head.
 */
@ExtendWith(ApplicationExtension.class)
class StepModeImageUiTest {
    private WorkbenchHarness h;
    private Stage stage;
    private Path zip;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        var graph = new GraphFixture().node("image", "image_input", "channels", 1, "height", 8, "width", 8)
                .node("conv", "conv2d", "filters", 4, "kernel", 3, "padding", "same")
                .node("flat", "flatten").node("out", "softmax_output", "classes", 10)
                .wire("image.out", "conv.in").wire("conv.out", "flat.in").wire("flat.out", "out.in").graph();
        Project p = new Project("digits cnn", "", graph, new DatasetSpec("csv", Map.of("file", "digits.csv.gz",
                "classes", 10, "header", false, "validationFraction", 0.2)), TrainingSettings.defaults());
        zip = ScratchDirs.create("deepwire-step-image").resolve("model.zip");
        new TrainedModel(new GraphCompiler(BlockCatalog.standard()).compile(p.graph(), CompileOptions.forTraining(p.training()))
                .orThrow().instantiate()).save(zip);
        h = new WorkbenchHarness(stage, p, 1280, 800);
        // where an unsaved project's relative data path starts in this window
        Files.copy(Path.of("sample-projects/data/digits.csv.gz"), h.dir.resolve("digits.csv.gz"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    @Test
    void aCnnOnRowsOfPixelsIsWalkedWithOnlyTheChoicesThatApplyToIt(FxRobot robot) throws Exception {
        StepMode mode = h.window.stepMode();
        WaitForAsyncUtils.asyncFx(() -> h.window.inspectSavedModel(stage, zip)).get().get(60, TimeUnit.SECONDS);
        robot.interact(() -> stage.toFront());
        robot.interact(mode::toggleFromMenu);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            // read on the JavaFX thread: a walk's result is applied there in one go (read from here,
            // the flags could say done before its gradients were drawn)
            return WaitForAsyncUtils.asyncFx(() -> !mode.computing() && mode.walkthrough() != null).get();
        });
        assertThat(mode.walkthrough().steps()).hasSize(4);
        assertThat(mode.walkthrough().steps().get(0).outputs().get(0).shape()).as("a row of 64 pixels walked as the image")
                .containsExactly(1L, 8L, 8L);
        assertThat(robot.lookup("#step-text").query().isVisible()).as("no tokens to type").isFalse();
        assertThat(robot.lookup("#step-position").query().isVisible()).as("no sequence").isFalse();
        assertThat(robot.lookup("#step-head").query().isVisible()).as("no attention").isFalse();
        assertThat(robot.lookup("#step-example").query().isVisible()).isTrue();
    }
}
