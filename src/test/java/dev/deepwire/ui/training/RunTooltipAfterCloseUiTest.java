package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.Project;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.training.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A run's tooltip in Runs… stays up to 30 s so its reasons can be read. JavaFX times every tooltip of the program with
 * one shared timer and ignores the pointer while it runs; when the window closed under a shown run tooltip (Esc,
 * Close), no other tooltip of DeepWire came for the rest of those 30 s — in the main window either. (Seen as a test
 * whose tooltip "never came" when an earlier test in its JVM had closed Runs… under one.)
 */
@ExtendWith(ApplicationExtension.class)
class RunTooltipAfterCloseUiTest {
    @TempDir
    Path dir;
    private Stage stage;
    private Label other;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        other = new Label("a block with a tip");
        other.setTooltip(new Tooltip("what the block does"));
        stage.setScene(new Scene(new StackPane(other), 240, 120));
        stage.show();
    }

    @Test
    void closingRunsUnderAShownRunTooltipLeavesTheOtherTooltipsWorking(FxRobot robot) throws Exception {
        Stage[] runs = {showRuns(robot, null)};
        // a click on a control with a tooltip stops JavaFX's tooltip timers, whatever an earlier test in this JVM left
        robot.clickOn(other);
        ListCell<?> row = robot.lookup((Node n) -> n instanceof ListCell<?> c && c.getItem() != null)
                .queryAs(ListCell.class);
        Tooltip runTip = row.getTooltip();
        robot.moveTo(row);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, runTip::isShowing);

        robot.interact(runs[0]::close); // as Esc would: the pointer never leaves the row
        assertThat(WaitForAsyncUtils.asyncFx(runTip::isShowing).get()).isFalse();

        robot.moveTo(other);
        Tooltip tip = other.getTooltip();
        // a tooltip shows a second after the pointer comes to rest; before, not for 30 s
        WaitForAsyncUtils.waitFor(8, TimeUnit.SECONDS, tip::isShowing);
        assertThat(WaitForAsyncUtils.asyncFx(tip::getText).get()).isEqualTo("what the block does");
    }

    @Test
    void escTwiceUnderARunTooltipLeavesTheOtherTooltipsWorking(FxRobot robot) throws Exception {
        Stage[] runs = new Stage[1];
        runs[0] = showRuns(robot, () -> runs[0].close()); // Esc closes it, as Runs…' Close does
        robot.clickOn(other); // stops whatever tooltip timer an earlier test in this JVM left running
        ListCell<?> row = robot.lookup((Node n) -> n instanceof ListCell<?> c && c.getItem() != null)
                .queryAs(ListCell.class);
        Tooltip runTip = row.getTooltip();
        robot.interact(runs[0]::requestFocus);
        robot.moveTo(row);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, runTip::isShowing);

        robot.type(javafx.scene.input.KeyCode.ESCAPE); // the first Esc puts the tooltip away, and only that
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !runTip.isShowing());
        assertThat(WaitForAsyncUtils.asyncFx(runs[0]::isShowing).get()).isTrue();
        robot.type(javafx.scene.input.KeyCode.ESCAPE); // the second closes the window, the pointer still on the row
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !runs[0].isShowing());

        robot.moveTo(other);
        Tooltip tip = other.getTooltip();
        WaitForAsyncUtils.waitFor(8, TimeUnit.SECONDS, tip::isShowing);
    }

    /** A window listing one kept run beside the stage, {@code onEscape} run on Esc (null: nothing). */
    private Stage showRuns(FxRobot robot, Runnable onEscape) throws Exception {
        Project p = SmallMarker.project(Map.of("vocabulary", 32, "train", 64, "validation", 16, "seed", 1));
        Path run = Files.createDirectories(dir.resolve("marker-1"));
        RunRecord.write(run, p.name(), null, null, p.training(), "finished", 20, 0.5, Double.NaN);
        Stage[] runs = new Stage[1];
        robot.interact(() -> {
            runs[0] = new Stage();
            runs[0].setScene(new Scene(RunCell.list(RunHistory.list(dir)), 420, 160));
            runs[0].setX(stage.getX() + stage.getWidth() + 40);
            runs[0].setY(stage.getY());
            if (onEscape != null) {
                runs[0].getScene().setOnKeyPressed(e -> {
                    if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                        onEscape.run();
                    }
                });
            }
            runs[0].show();
        });
        return runs[0];
    }
}
