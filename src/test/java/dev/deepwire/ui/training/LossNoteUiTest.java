package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.testing.ScratchDirs;
import dev.deepwire.testing.SmallMarker;
import java.nio.file.Path;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The dock says, in one line under the loss chart, why a 1-N run's validation loss stays flat. */
@ExtendWith(ApplicationExtension.class)
class LossNoteUiTest {
    private TrainingViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = ScratchDirs.create("deepwire-loss-note");
        vm = LossNoteTest.trained(LossNoteTest.ring(dir, "mrr"), dir);
        Scene scene = new Scene(new TrainingPanel(vm, vm.editor().project().training()), 984, 240); // 1024 x 700's dock
        scene.getStylesheets().add(LossNoteUiTest.class.getResource("/dev/deepwire/ui/workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theLineIsUnderTheLossChartInOneLineAndGoesWithAnotherProject(FxRobot robot) throws Exception {
        Label note = robot.lookup("#train-loss-note").queryAs(Label.class);
        robot.interact(() -> { });
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).isEqualTo(vm.measured().lossNote().lineProperty().get()).startsWith("Most held-out answers unfound");
        assertThat(note.getTooltip().getText()).contains("all 20 entities");
        Bounds line = note.localToScene(note.getBoundsInLocal());
        Node lossChart = robot.lookup((Node n) -> n instanceof ChartViewer v && v.getChart().getTitle().getText().equals("Loss"))
                .query();
        Bounds chart = lossChart.localToScene(lossChart.getBoundsInLocal());
        assertThat(line.getMinY()).as("below the loss chart").isGreaterThanOrEqualTo(chart.getMaxY());
        assertThat(line.getMinX()).as("from its left edge").isCloseTo(chart.getMinX(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(line.getMaxY()).as("within the dock").isLessThanOrEqualTo(240);
        assertThat(line.getHeight()).as("one line").isLessThan(2 * note.getFont().getSize() + 4);
        assertThat(note.prefWidth(-1)).as("whole, its MRR not cut off").isLessThanOrEqualTo(note.getWidth() + 0.5);
        assertThat(chart.getHeight()).as("the charts keep their least height").isGreaterThanOrEqualTo(MetricsChart.MIN_HEIGHT);

        var marker = SmallMarker.project(Map.of("train", 64, "validation", 16));
        robot.interact(() -> vm.editor().setProject(marker));
        assertThat(note.isManaged()).as("no room taken with nothing to say").isFalse();
        assertThat(note.isVisible()).isFalse();
    }
}
