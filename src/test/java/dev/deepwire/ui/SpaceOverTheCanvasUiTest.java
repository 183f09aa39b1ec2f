package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
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
 * Space with the pointer over the canvas opens quick-add there, even when a toolbar button kept the keyboard after
 * a click: it used to press that button (Save, which asked where to save an untitled project).
 */
@ExtendWith(ApplicationExtension.class)
class SpaceOverTheCanvasUiTest {
    private WorkbenchHarness h;

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "marker.dwproj", 1024, 700);
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    @Test
    void spaceOverTheCanvasOpensQuickAddNotTheButtonThatHadTheKeys(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Button fit = robot.lookup(".tool-bar .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("Fit view")).findFirst().orElseThrow();
        robot.interact(fit::requestFocus);
        assertThat(fit.isFocused()).as("a toolbar button has the keys, as after a click").isTrue();
        Bounds local = h.window.canvas().getLayoutBounds();
        Point2D corner = new Point2D(local.getMinX() + 12, local.getMaxY() - 12); // the canvas's lower left corner
        Point2D inScene = h.window.canvas().localToScene(corner);
        for (var n : h.vm.graph().nodes()) {
            assertThat(h.window.canvas().nodeBoundsInScene(n.id()).contains(inScene)).as("no block under %s", n.id()).isFalse();
        }
        Point2D empty = h.window.canvas().localToScreen(corner);
        robot.moveTo(empty.add(-4, -4)).moveTo(empty);
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#quick-add-search").tryQuery()).as("quick-add opened at the pointer").isPresent();
        assertThat(h.window.canvas().isFocused() || robot.lookup("#quick-add-search").query().isFocused()).isTrue();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }
}
