package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.model.Node;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Several windows: Ctrl+Q in any of them quits them all, asking about each with unsaved work; paste lands in view. */
@ExtendWith(ApplicationExtension.class)
class SeveralWindowsUiTest {
    private WorkbenchHarness a;
    private WorkbenchHarness b;

    @Start
    void start(Stage stage) throws Exception {
        a = new WorkbenchHarness(stage, "marker.dwproj", 1100, 760);
        stage.setX(0);
        stage.setY(0);
        b = new WorkbenchHarness(new Stage(), "word-language.dwproj", 800, 640);
        b.stage.setX(1110); // side by side: a click meant for one window does not land in the other
        b.stage.setY(0);
    }

    @AfterEach
    void cleanUp() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> b.stage.close()).get();
        b.close();
        a.close();
    }

    /** What the window manager does when a window is clicked (the headless platform has none). */
    private static void focus(FxRobot robot, WorkbenchHarness w) {
        robot.interact(() -> {
            w.stage.toFront();
            w.stage.requestFocus();
        });
    }

    private DialogPane dialogOver(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }

    private void answer(FxRobot robot, DialogPane pane, ButtonBar.ButtonData which) {
        Button button = pane.getButtonTypes().stream().filter(t -> t.getButtonData() == which)
                .map(t -> (Button) pane.lookupButton(t)).findFirst().orElseThrow();
        robot.clickOn(button);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void ctrlQInTheSecondWindowQuitsBothAskingForEachDirtyOne(FxRobot robot) {
        robot.interact(() -> a.vm.setParam("attn", "heads", 2));
        robot.interact(() -> b.vm.addNote("to do", 0, 0));
        focus(robot, b);
        robot.clickOn(b.window.canvas(), MouseButton.MIDDLE);
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        DialogPane first = dialogOver(robot);
        assertThat(first.getContentText()).contains("word-language");
        answer(robot, first, ButtonBar.ButtonData.NO);
        DialogPane second = dialogOver(robot);
        assertThat(second.getContentText()).contains("marker");
        answer(robot, second, ButtonBar.ButtonData.NO);
        assertThat(a.stage.isShowing()).isFalse();
        assertThat(b.stage.isShowing()).isFalse();
        assertThat(Window.getWindows()).noneMatch(w -> w instanceof Stage s && s.getScene() != null
                && s.getScene().getRoot() == a.window.root());
    }

    @Test
    void cancelForOneWindowKeepsEveryWindowOpen(FxRobot robot) {
        robot.interact(() -> a.vm.setParam("attn", "heads", 2));
        focus(robot, b);
        robot.clickOn(b.window.canvas(), MouseButton.MIDDLE);
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        DialogPane ask = dialogOver(robot);
        assertThat(ask.getContentText()).contains("marker");
        answer(robot, ask, ButtonBar.ButtonData.CANCEL_CLOSE);
        assertThat(a.stage.isShowing()).isTrue();
        assertThat(b.stage.isShowing()).isTrue();
    }

    @Test
    void openingAFileOpenInTheOtherWindowBringsThatWindowForward(FxRobot robot) throws Exception {
        // two windows on one file would each save over the other's work; the second Open shows the first instead
        java.nio.file.Path link = java.nio.file.Files.createSymbolicLink(b.dir.resolve("lesson-link.dwproj"), a.file);
        for (java.nio.file.Path named : java.util.List.of(a.file, link)) {
            robot.interact(() -> a.vm.messageProperty().set(""));
            robot.interact(() -> b.window.files().open(named)); // File > Open, Open Recent, a file named at start
            assertThat(b.vm.project().name()).as("the second window keeps its project").isEqualTo("word-language");
            assertThat(b.window.files().fileProperty().get()).isEqualTo(b.file);
            assertThat(a.vm.messageProperty().get()).startsWith(named.getFileName() + " is open here: brought to the front");
        }
    }

    @Test
    void blocksCopiedInOneWindowArePastedInViewOfTheOther(FxRobot robot) {
        robot.interact(() -> {
            a.vm.select("attn", false);
            a.vm.select("ffn", true);
        });
        focus(robot, a);
        robot.clickOn(a.window.canvas(), MouseButton.MIDDLE);
        robot.interact(() -> {
            a.vm.select("attn", false);
            a.vm.select("ffn", true);
        });
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(a.vm.messageProperty().get()).isEqualTo("Copied 2 blocks");
        robot.interact(() -> b.window.canvas().centreOn(-3000, -3000)); // b looks somewhere else entirely
        focus(robot, b);
        robot.clickOn(b.window.canvas(), MouseButton.MIDDLE);
        int before = b.vm.graph().nodes().size();
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(b.vm.graph().nodes()).hasSize(before + 2);
        var canvas = b.window.canvas();
        Point2D min = canvas.toWorld(0, 0);
        Point2D max = canvas.toWorld(canvas.getWidth(), canvas.getHeight());
        for (String id : b.vm.selectedIds()) {
            Node n = b.vm.graph().require(id);
            assertThat(n.x()).as(id + " x in view").isBetween(min.getX(), max.getX());
            assertThat(n.y()).as(id + " y in view").isBetween(min.getY(), max.getY());
        }
    }
}
