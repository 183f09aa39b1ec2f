package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.training.backend.BackendChoice;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.RadioMenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * View ▸ Backend ▸ CUDA GPU in a build without CUDA says so and remembers nothing: the choice had been kept (every
 * later start logging "CUDA was chosen but this build has no CUDA backend") and the menu showed CUDA while the CPU ran.
 */
@ExtendWith(ApplicationExtension.class)
class BackendMenuUiTest {
    private WorkbenchHarness h;
    private final BackendChoice.Backend before = BackendChoice.preferred(); // the user's own, put back after

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "marker.dwproj", 1024, 700);
    }

    @AfterEach
    void cleanUp() throws Exception {
        BackendChoice.setPreferred(before);
        h.close();
    }

    private RadioMenuItem item(String text) {
        MenuBar bar = (MenuBar) h.window.root().lookup(".menu-bar");
        Menu view = bar.getMenus().stream().filter(m -> m.getText().equals("_View")).findFirst().orElseThrow();
        Menu backend = (Menu) view.getItems().stream().filter(m -> "_Backend".equals(m.getText())).findFirst().orElseThrow();
        return (RadioMenuItem) backend.getItems().stream().filter(m -> m.getText().equals(text)).findFirst().orElseThrow();
    }

    @Test
    void cudaMissingFromTheBuildIsSaidAndNotRemembered(FxRobot robot) throws Exception {
        Assumptions.assumeFalse(BackendChoice.cudaInBuild(), "a CUDA build offers CUDA for real");
        robot.interact(() -> BackendChoice.setPreferred(BackendChoice.Backend.CPU));
        RadioMenuItem cuda = item("CUDA GPU");
        javafx.application.Platform.runLater(() -> { // as a click (it selects, then acts); the note waits for its OK
            cuda.setSelected(true);
            cuda.fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane said = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(said.getContentText()).startsWith("This build has no CUDA backend").contains("stays on the CPU");
        robot.clickOn((Button) said.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(BackendChoice.preferred()).as("nothing remembered").isEqualTo(BackendChoice.Backend.CPU);
        assertThat(WaitForAsyncUtils.asyncFx(() -> item("CPU").isSelected() && !cuda.isSelected()).get())
                .as("the menu shows the backend in use").isTrue();
    }
}
