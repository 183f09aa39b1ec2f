package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.Project;
import dev.deepwire.testing.SmallMarker;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The attention inspector opened from a 1024 x 700 window (a projector's), where its top row wraps. */
@ExtendWith(ApplicationExtension.class)
class AttentionInspectorNarrowUiTest {
    private Stage stage;
    private WorkbenchHarness h;
    private Path zip;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Project p = SmallMarker.project(Map.of("train", 64, "validation", 32));
        zip = UntrainedModel.save(p, "deepwire-inspect-narrow");
        h = new WorkbenchHarness(stage, p, 1024, 700);
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    @Test
    void theWordOrStaysWithTheTextBoxItIntroducesWhenTheRowWraps(FxRobot robot) throws Exception {
        // Seen in the real window at 1024 x 700: the row ended 'All heads  or' and the text box it offers began the
        // next line, the 'or' left dangling at the right edge
        WaitForAsyncUtils.asyncFx(() -> h.window.inspectSavedModel(stage, zip)).get().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Node typed = robot.lookup("#inspect-typed").query();
        Label or = robot.lookup(n -> n instanceof Label l && "or".equals(l.getText())).queryAs(Label.class);
        Node node = robot.lookup("#inspect-node").query();
        // the new window's rows are laid out over its first frames: the box wraps once its width is the window's
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                typed.localToScene(typed.getBoundsInLocal()).getMinY() > node.localToScene(node.getBoundsInLocal()).getMaxY()).get());
        Bounds t = typed.localToScene(typed.getBoundsInLocal());
        Bounds o = or.localToScene(or.getBoundsInLocal());
        Bounds first = node.localToScene(node.getBoundsInLocal());
        assertThat(t.getMinY()).as("the text box wraps below the row's first line here").isGreaterThan(first.getMaxY());
        assertThat(o.getCenterY()).as("'or' on the text box's line").isBetween(t.getMinY(), t.getMaxY());
        assertThat(o.getMaxX()).as("'or' before the box").isLessThanOrEqualTo(t.getMinX());
    }
}
