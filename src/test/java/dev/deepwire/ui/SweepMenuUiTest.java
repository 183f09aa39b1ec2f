package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** View ▸ Sweep… opens the window's Sweep window on its project; closed and opened again, it shows the last spec. */
@ExtendWith(ApplicationExtension.class)
class SweepMenuUiTest {
    private WorkbenchHarness h;

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "marker.dwproj", 1024, 700);
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    private Stage sweepWindow() {
        return (Stage) Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && "Sweep".equals(s.getTitle()) && s.isShowing())
                .findFirst().orElseThrow();
    }

    @Test
    void theMenuOpensTheSweepOfTheProjectInTheWindowAndKeepsWhatWasTyped(FxRobot robot) {
        robot.clickOn("View").clickOn("Sweep…");
        WaitForAsyncUtils.waitForFxEvents();
        Stage sweep = sweepWindow();
        assertThat(sweep.getOwner()).isSameAs(h.stage);
        @SuppressWarnings("unchecked")
        ComboBox<String> key = robot.from(sweep.getScene().getRoot()).lookup("#sweep-key-0").queryAs(ComboBox.class);
        assertThat(key.getItems()).contains("training.batchSize", "attn.heads", "embed.dim");
        robot.interact(() -> key.setValue("training.batchSize"));
        robot.clickOn("#sweep-values-0").write("16, 32");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(sweep.getScene().getRoot()).lookup("#sweep-plan").queryAs(Label.class).getText())
                .startsWith("2 runs (2 × 1 seed)");

        robot.interact(sweep::hide);
        robot.clickOn("View").clickOn("Sweep…");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sweepWindow()).isSameAs(sweep);
        assertThat(robot.from(sweep.getScene().getRoot()).lookup("#sweep-values-0").queryAs(TextField.class).getText())
                .isEqualTo("16, 32");
        robot.interact(sweep::hide);
    }
}
