package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.TrainingSettings;
import dev.deepwire.testing.KeptRuns;
import dev.deepwire.testing.ScratchDirs;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Runs…: runs of 40 and 3 epochs had read the same ("adam 0.001, batch 64, seed 42"); each row now says what sets its
 * run apart, wrapped within the list, and says it again once a run is deleted (nothing, with one run left).
 */
@ExtendWith(ApplicationExtension.class)
class RunListDifferencesUiTest {
    private ListView<RunHistory.Run> list;

    @Start
    void start(Stage stage) throws Exception {
        Path runs = ScratchDirs.create("deepwire-run-list");
        TrainingSettings s = TrainingSettings.defaults();
        KeptRuns.run(runs, "p-1", "p", "/x/p.dwproj", s.withEpochs(40), "finished", 1800, 0.94, Double.NaN);
        KeptRuns.run(runs, "p-2", "p", "/x/p.dwproj", s.withEpochs(3), "finished", 135, 0.55, Double.NaN);
        list = RunCell.list(RunHistory.list(runs));
        stage.setScene(new Scene(list, 520, 300));
        stage.show();
    }

    private String textOf(FxRobot robot, String run) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup((Node n) -> n instanceof ListCell<?> c
                && c.getItem() instanceof RunHistory.Run r && r.dir().getFileName().toString().equals(run))
                .queryAs(ListCell.class).getText()).get();
    }

    @Test
    void eachRowSaysWhatSetsItsRunApart(FxRobot robot) throws Exception {
        robot.interact(() -> { });
        assertThat(textOf(robot, "p-1")).contains("\nDiffers: Epochs 40");
        assertThat(textOf(robot, "p-2")).contains("\nDiffers: Epochs 3");
        Bounds listBounds = list.localToScene(list.getBoundsInLocal());
        for (Node t : robot.lookup(".run-row .text").queryAll()) {
            Bounds words = WaitForAsyncUtils.asyncFx(() -> t.localToScene(t.getBoundsInLocal())).get();
            assertThat(words.getMaxX()).as(((Text) t).getText()).isLessThanOrEqualTo(listBounds.getMaxX());
        }
        // as Runs…' Delete… does: the run goes, and what sets the others apart, worked out again, is shown
        robot.interact(() -> {
            list.getItems().removeIf(r -> r.dir().getFileName().toString().equals("p-2"));
            RunCell.apart(list, RunDifferences.of(list.getItems()));
        });
        assertThat(textOf(robot, "p-1")).as("one run left: nothing to tell it apart from").doesNotContain("Differs");
    }
}
