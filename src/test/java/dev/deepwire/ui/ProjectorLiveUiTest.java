package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.Project;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.training.RunState;
import dev.deepwire.ui.projector.ProjectorWindow;
import dev.deepwire.ui.training.TrainingViewModel;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The projector opened before training follows the run: the tables captured while it trains, with a step slider. */
@ExtendWith(ApplicationExtension.class)
class ProjectorLiveUiTest {
    private TrainingViewModel training;
    private WorkbenchWindow window;
    private Stage stage;
    private WorkbenchHarness h;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Project p = SmallMarker.project(Map.of("train", 3200, "validation", 100));
        p.setTraining(p.training().withEpochs(4));
        h = new WorkbenchHarness(stage, p, 1280, 800);
        training = h.training;
        window = h.window;
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    @Test
    void aProjectorOpenedBeforeTrainingShowsTheTablesCapturedDuringTheRun(FxRobot robot) throws Exception {
        ProjectorWindow projector = WaitForAsyncUtils.asyncFx(() -> window.openProjector(stage, "pos")).get();
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<String> table = robot.lookup("#projector-table").queryAs(ComboBox.class);
        assertThat(table.getItems()).as("nothing trained yet").isEmpty();
        assertThat(robot.lookup("#projector-note").queryAs(Label.class).getText()).startsWith("No embedding table yet");
        robot.interact(() -> stage.toFront());
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return training.phaseProperty().get() == RunState.FINISHED;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup("#projector-note").queryAs(Label.class).getText().contains("step 200 · PCA");
        });
        assertThat(table.getItems()).containsExactly("embed", "pos");
        long captures = window.attention().projector().of(table.getValue()).size();
        assertThat(captures).as("steps 1, 100 and 200 (the last)").isEqualTo(3);
        Slider step = robot.lookup("#projector-step").queryAs(Slider.class);
        assertThat(step.getMax()).isEqualTo(captures - 1);
        assertThat(step.getValue()).as("following the run: the newest capture").isEqualTo(captures - 1);
        robot.interact(() -> step.setValue(0));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup("#projector-note").queryAs(Label.class).getText().contains("step 1 · PCA");
        });
        assertThat(window.attention().snapshots()).as("tables are not attention maps")
                .noneMatch(s -> s.nodeId().equals("pos") || s.nodeId().equals("embed"));
        assertThat(projector.stage().isShowing()).isTrue();
    }
}
