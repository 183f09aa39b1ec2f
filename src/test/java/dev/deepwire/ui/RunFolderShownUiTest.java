package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.training.RunState;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Where a run was saved, at a projector's 1024 × 700: "… · run saved in runs/mar…" had been cut at the end of the
 * dock's status and of the status bar, the folder whole only in a tooltip. The dock says it on a line of its own that,
 * short of room, loses its start, never the folder's name; Copy path puts the whole path on the clipboard; the status
 * bar names the folder first.
 */
@ExtendWith(ApplicationExtension.class)
class RunFolderShownUiTest {
    private WorkbenchHarness h;

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "marker.dwproj", 1024, 700);
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    /** The words the label draws (with "…" where it is cut). */
    private static String drawn(Label label) {
        return ((Text) label.lookup(".text")).getText();
    }

    @Test
    void afterARunTheFolderIsNamedWholeAndItsPathCanBeCopied(FxRobot robot) throws Exception {
        robot.clickOn(RealKeys.reveal(robot, robot.lookup("#train-start").query()));
        DockBelongsToProjectUiTest.waitFor("training", () -> h.training.history().trainLoss().size() >= 2);
        robot.clickOn("#train-stop");
        DockBelongsToProjectUiTest.waitFor("stopped", () -> h.training.phaseProperty().get() == RunState.STOPPED);
        Path dir = h.training.runDir().orElseThrow().toAbsolutePath();
        String name = dir.getFileName().toString();

        Label folder = robot.lookup("#train-run-folder").queryAs(Label.class);
        assertThat(folder.isVisible()).isTrue();
        String shown = WaitForAsyncUtils.asyncFx(() -> drawn(folder)).get();
        assertThat(shown).as("the dock's line ends with the run folder's own name, whole").endsWith(name);
        assertThat(folder.getTooltip().getText()).as("the whole path on hover").isEqualTo(dir.toString());
        Label status = robot.lookup("#train-status").queryAs(Label.class);
        assertThat(status.getText()).as("the status no longer carries it").doesNotContain(name);

        Label bar = robot.lookup("#status-message").queryAs(Label.class);
        String said = WaitForAsyncUtils.asyncFx(() -> drawn(bar)).get();
        assertThat(said).as("the status bar names the folder first, whole").startsWith("Run saved in ").contains(name);

        robot.clickOn(RealKeys.reveal(robot, robot.lookup("#train-run-copy-path").query()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get())
                .as("Copy path").isEqualTo(dir.toString());
        assertThat(h.vm.messageProperty().get()).startsWith("Copied the run folder's path");

        // presenting (every text larger) in the narrower dock: still the folder's name whole
        robot.interact(() -> h.window.presenting().onProperty().set(true));
        robot.interact(() -> h.window.layout().dockShownProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> drawn(folder)).get()).as("presenting").endsWith(name);
        robot.interact(() -> h.window.presenting().onProperty().set(false));
    }

    @Test
    void aNewRunTakesTheLineAwayUntilItEnds(FxRobot robot) throws Exception {
        robot.clickOn(RealKeys.reveal(robot, robot.lookup("#train-start").query()));
        DockBelongsToProjectUiTest.waitFor("training", () -> h.training.history().trainLoss().size() >= 1);
        assertThat(robot.lookup("#train-run-folder-row").query().isVisible()).as("no folder while the run goes").isFalse();
        robot.clickOn("#train-stop");
        DockBelongsToProjectUiTest.waitFor("stopped", () -> h.training.phaseProperty().get() == RunState.STOPPED);
        assertThat(robot.lookup("#train-run-folder-row").query().isVisible()).isTrue();
    }
}
