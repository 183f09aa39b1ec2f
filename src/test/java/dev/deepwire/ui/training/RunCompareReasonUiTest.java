package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.TrainingSettings;
import dev.deepwire.sweep.SweepRunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Runs… ▸ Compare table…: a FAILED run's reason can be read there, not only "FAILED". */
@ExtendWith(ApplicationExtension.class)
class RunCompareReasonUiTest {
    @TempDir
    Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @Test
    void aFailedRunsRowTellsWhyItFailed(FxRobot robot) throws Exception {
        Path failed = Files.createDirectories(dir.resolve("runs/marker-sweep-2"));
        Files.write(failed.resolve("run.json"), new SweepRunRecord("marker", "/p/marker.dwproj", false,
                "the graph does not compile: feature size 64 does not divide into 3 heads", 0, Double.NaN, Double.NaN,
                "validation loss", Double.NaN, TrainingSettings.defaults(), Map.of("attn.heads", "3")).toJson());
        List<RunHistory.Run> runs = RunHistory.list(dir.resolve("runs"));
        robot.interact(() -> stage.setScene(new Scene(new RunCompareView(runs, "loss", p -> { }, new RunCompareModel(Runnable::run, Runnable::run)), 1000, 640)));
        WaitForAsyncUtils.waitForFxEvents();

        // the rows' tooltips read on the JavaFX thread, which sets them
        List<String> tips = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#runs-compare-table .table-row-cell")
                .queryAllAs(TableRow.class).stream().map(r -> r.getTooltip() == null ? "" : r.getTooltip().getText())
                .toList()).get();
        assertThat(tips).anySatisfy(t -> assertThat(t).startsWith("marker-sweep-2: failed: ")
                .contains("does not divide into 3 heads"));
    }
}
