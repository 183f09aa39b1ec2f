package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.Project;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.ui.step.StepMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Step mode over a collapsed group: the wires' activation badges keep clear of what is drawn (the group's box) and
 * not of the blocks the box hides — they had been pushed away from the empty room those blocks would take, and drawn
 * over the box.
 */
@ExtendWith(ApplicationExtension.class)
class StepBadgesCollapsedGroupUiTest {
    private WorkbenchHarness h;
    private Stage stage;
    private Path zip;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Project p = SmallMarker.project(Map.of("train", 64, "validation", 32));
        zip = UntrainedModel.save(p, "deepwire-step-badges");
        h = new WorkbenchHarness(stage, p, 1280, 800);
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    @Test
    void badgesKeepClearOfTheGroupsBoxNotOfTheBlocksItHides(FxRobot robot) throws Exception {
        robot.interact(() -> {
            h.vm.select("res1", false);
            h.vm.select("norm1", true);
        });
        String group = WaitForAsyncUtils.asyncFx(() -> h.vm.groupSelection("Residual stage").orElseThrow()).get();
        robot.interact(() -> h.vm.toggleCollapsed(group));
        WaitForAsyncUtils.asyncFx(() -> h.window.inspectSavedModel(stage, zip)).get().get(60, TimeUnit.SECONDS);
        robot.interact(() -> stage.toFront());
        StepMode mode = h.window.stepMode();
        robot.clickOn("#step-mode");
        StepWaits.walked(mode);
        int last = mode.walkthrough().steps().size() - 1;
        robot.interact(() -> mode.step(last)); // every wire passed: every badge drawn
        StepWaits.until(mode, m -> m.index() == last);
        WaitForAsyncUtils.waitForFxEvents();

        Node box = robot.lookup(".group-collapsed").query();
        List<Node> badges = List.copyOf(robot.lookup(".wire-badge").queryAll());
        assertThat(badges).isNotEmpty();
        Bounds boxOnScreen = box.localToScreen(box.getBoundsInLocal());
        for (Node b : badges) {
            assertThat(b.localToScreen(b.getBoundsInLocal()).intersects(boxOnScreen)).as("a badge over the group's box")
                    .isFalse();
        }
    }
}
