package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.GraphFixture;
import dev.deepwire.data.Dataset;
import dev.deepwire.inspect.TrainedModel;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.ui.step.StepMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Step mode on a CNN built from an empty canvas on the digits' rows of 64 pixels, as seen in the real window at
 * 1024 x 700: the panel offers only the choices that change the walk, and an example chosen in Evaluate and Prune is
 * named where the Example box was.
 */
@ExtendWith(ApplicationExtension.class)
class StepModeImageUiTest {
    private Stage stage;
    private WorkbenchHarness h;
    private Path zip;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        GraphFixture g = new GraphFixture()
                .node("img", "image_input", "channels", 1, "height", 8, "width", 8)
                .node("conv", "conv2d", "filters", 4, "kernel", 3, "padding", "same")
                .node("flat", "flatten")
                .node("out", "softmax_output", "classes", 10)
                .wire("img.out", "conv.in").wire("conv.out", "flat.in").wire("flat.out", "out.in");
        Project p = new Project("cnn", "", g.graph(), new DatasetSpec("csv",
                Map.of("file", "digits.csv.gz", "classes", 10, "header", false)), TrainingSettings.defaults());
        zip = UntrainedModel.save(p, "deepwire-step-image");
        h = new WorkbenchHarness(stage, p, 1280, 800);
        Files.copy(Path.of("sample-projects/data/digits.csv.gz"), h.dir.resolve("digits.csv.gz"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    private void awaitWalk(StepMode mode, String example) throws Exception {
        StepWaits.until(mode, m -> m.walkthrough() != null && m.walkthrough().example().contains(example));
    }

    private static boolean shown(FxRobot robot, String id) {
        javafx.scene.Node n = robot.lookup(id).query();
        return n.isVisible() && n.isManaged();
    }

    @Test
    void aCnnsStepOffersNoPositionAndNoHeadAndAChosenExampleIsNamedNotBoxedAsZero(FxRobot robot) throws Exception {
        StepMode mode = StepWaits.open(h, stage, zip, robot);
        awaitWalk(mode, "example");
        // no sequence and no attention in this network: Position (0 to 4095) and Head changed nothing
        assertThat(shown(robot, "#step-position")).as("Position").isFalse();
        assertThat(shown(robot, "#step-head")).as("Head").isFalse();
        assertThat(shown(robot, "#step-example")).as("the Example box, on the run's examples").isTrue();
        // the digits' rows of 64 pixels walked as the 1 × 8 × 8 image; no box for typed text, which has no tokens to go to
        // (text typed there had ended step mode)
        assertThat(mode.walkthrough().steps().get(0).outputs().get(0).shape()).containsExactly(1L, 8L, 8L);
        assertThat(shown(robot, "#step-text")).as("typed text").isFalse();

        // Evaluate and Prune's Step through on validation example 19: the box had said 0 beside "Validation example 19"
        TrainedModel model = h.window.attention().loadedModel().orElseThrow();
        Dataset split = h.window.attention().validation();
        robot.interact(() -> {
            h.window.attention().loadChosen(model, null, split, 19);
            mode.startOnChosenExample();
        });
        awaitWalk(mode, "validation example 19");
        assertThat(shown(robot, "#step-example")).as("the Example box").isFalse();
        assertThat(robot.lookup("#step-example-label").queryAs(Label.class).getText())
                .isEqualTo("Validation example 19 (chosen in Evaluate)");
    }
}
