package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Runs…: a run whose line is longer than the list is wide wraps inside the list (it ran past the dialog's right edge,
 * cut off there, behind a sideways scroll bar), and its whole line is in the row's tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class RunListUiTest {
    private static final RunHistory.Run NEWEST = new RunHistory.Run(Path.of("runs", "word-language-20261206-173257"),
            "word-language", "word-language.dwp", "stopped early: validation accuracy did not improve for 5 epochs", 12_480,
            0.9412, "adamw 0.0003, batch 64, seed 42, warm-up 500 steps then cosine decay to 1e-5, weight decay 0.01, "
            + "gradient clipping at 1.0, label smoothing 0.1, select on validation accuracy, stop after 5 epochs",
            "word-language (before Save As).dwp");
    private static final RunHistory.Run OLDER = new RunHistory.Run(Path.of("runs", "word-language-20261206-150101"),
            "word-language", "word-language.dwp", "finished: all 20 epochs done", 6_260, 0.91, "adam 0.001, batch 64, seed 42");
    private ListView<RunHistory.Run> list;

    @Start
    void start(Stage stage) {
        list = RunCell.list(List.of(NEWEST, OLDER));
        list.setPrefSize(520, 300);
        stage.setScene(new Scene(list, 520, 300));
        stage.show();
    }

    @Test
    void aLongRowWrapsWithinTheListAndItsTooltipHoldsTheWholeLine(FxRobot robot) {
        robot.interact(() -> { });
        ListCell<?> newest = cellOf(robot, NEWEST);
        Bounds listBounds = list.localToScene(list.getBoundsInLocal());
        Bounds cell = newest.localToScene(newest.getBoundsInLocal());
        assertThat(cell.getMaxX()).as("the newest run's row ends inside the list").isLessThanOrEqualTo(listBounds.getMaxX());
        Text text = (Text) newest.lookup(".text");
        Bounds words = text.localToScene(text.getBoundsInLocal());
        assertThat(words.getMaxX()).as("its words end inside the list").isLessThanOrEqualTo(listBounds.getMaxX());
        assertThat(text.getText()).as("shown whole, over several lines").isEqualTo(NEWEST.toString());
        assertThat(words.getHeight()).as("several lines").isGreaterThan(2 * cellOf(robot, OLDER).lookup(".text")
                .getBoundsInLocal().getHeight());
        assertThat(newest.getTooltip()).isNotNull();
        assertThat(newest.getTooltip().getText()).isEqualTo(NEWEST.toString());
        assertThat(robot.lookup((Node n) -> n instanceof ScrollBar b && b.getOrientation() == Orientation.HORIZONTAL
                && b.isVisible()).queryAll()).as("no sideways scroll bar").isEmpty();
    }

    private ListCell<?> cellOf(FxRobot robot, RunHistory.Run run) {
        return robot.lookup((Node n) -> n instanceof ListCell<?> c && run.equals(c.getItem())).queryAs(ListCell.class);
    }
}
