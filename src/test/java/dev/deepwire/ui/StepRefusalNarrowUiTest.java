package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.Project;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.ui.step.StepMode;
import java.nio.file.Path;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At a projector's 1024 × 700 the reason a typed sentence is not walked is read whole in the step panel: the panel
 * takes the height its buttons, choices and the reason need (its step text scrolls), within the canvas. The reason's
 * last line ("such as <M>, t2, …": the words the model knows) had gone on under the panel's edge, cut off.
 */
@ExtendWith(ApplicationExtension.class)
class StepRefusalNarrowUiTest {
    private WorkbenchHarness h;
    private Stage stage;
    private Path zip;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Project p = SmallMarker.project(Map.of("train", 64, "validation", 32));
        zip = UntrainedModel.save(p, "deepwire-step-narrow-ui");
        h = new WorkbenchHarness(stage, p, 984, 640); // the window on a 1024 × 700 screen, as under Xvfb
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    @Test
    void theWholeReasonIsInsideThePanelAndThePanelInsideTheCanvas(FxRobot robot) throws Exception {
        StepMode mode = StepWaits.open(h, stage, zip, robot);
        robot.clickOn("#step-text").write("a teacher types a whole sentence here").type(KeyCode.ENTER);
        StepWaits.until(mode, m -> !m.computing());
        WaitForAsyncUtils.waitForFxEvents();
        Label refused = robot.lookup("#step-refused").queryAs(Label.class);
        Node panel = robot.lookup("#step-panel").query();
        WaitForAsyncUtils.asyncFx(() -> {
            assertThat(refused.isVisible()).isTrue();
            assertThat(refused.getText()).contains("such as");
            Bounds inPanel = panel.sceneToLocal(refused.localToScene(refused.getBoundsInLocal()));
            assertThat(inPanel.getMaxY()).as("the reason's last line above the panel's foot (%s px tall)",
                    panel.getLayoutBounds().getHeight()).isLessThanOrEqualTo(panel.getLayoutBounds().getMaxY() + 0.5);
            assertThat(panel.getBoundsInParent().getMaxY()).as("the panel within the canvas")
                    .isLessThanOrEqualTo(panel.getParent().getLayoutBounds().getHeight());
            assertThat(panel.getBoundsInParent().getMinY()).isGreaterThanOrEqualTo(0);
        }).get();
    }
}
