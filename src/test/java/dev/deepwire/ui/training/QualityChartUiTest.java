package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.training.RunState;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.testing.ScratchDirs;
import dev.deepwire.testing.SmallMarker;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The dock's second chart draws the figure the run keeps its model by: a knowledge graph's validation filtered MRR
 * (its accuracy — hits@1 over every entity — stayed at 0, drawn on a ±5E-10 axis, while MRR rose), else accuracy.
 */
@ExtendWith(ApplicationExtension.class)
class QualityChartUiTest {
    private TrainingViewModel vm;
    private TrainingPanel panel;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = ScratchDirs.create("deepwire-quality-chart");
        Project ring = LossNoteTest.ring(dir, "mrr");
        vm = new TrainingViewModel(new EditorViewModel(BlockCatalog.standard(), ring, Runnable::run, Runnable::run),
                Runnable::run, Runnable::run, Runnable::run, () -> dir.resolve("runs"));
        vm.data().setFolder(() -> dir);
        panel = new TrainingPanel(vm, ring.training()); // in the window before the run, as the dock is
        stage.setScene(new Scene(panel, 984, 240));
        stage.show();
        assertThat(panel.qualityChart().title()).as("before the run: the settings' figure").isEqualTo("Validation MRR");
        assertThat(vm.start(ring.training())).isTrue();
        vm.drain();
        assertThat(vm.phaseProperty().get()).as(vm.statusProperty().get()).isEqualTo(RunState.FINISHED);
    }

    @Test
    void aRunSelectedOnMrrDrawsItsMrrAndSaysItWhenFinished(FxRobot robot) throws Exception {
        robot.interact(() -> { });
        MetricsChart chart = panel.qualityChart();
        List<MetricsHistory.Point> mrr = vm.history().validationMrr();
        assertThat(mrr).as("one MRR per epoch").hasSize(3);
        assertThat(chart.title()).isEqualTo("Validation MRR");
        assertThat(chart.pointsShown(0)).isEqualTo(mrr.size());
        assertThat(chart.valueRange()[0]).as("no axis below zero").isGreaterThanOrEqualTo(0);
        double kept = mrr.stream().mapToDouble(MetricsHistory.Point::value).max().orElseThrow();
        assertThat(vm.statusProperty().get()).as("the kept model's figure")
                .contains(String.format(java.util.Locale.ROOT, ": validation filtered MRR %.3f", kept));

        // changing "Select on" after the run does not relabel its curves
        robot.interact(() -> vm.editor().setTraining(vm.editor().project().training().withSelectOn("loss")));
        assertThat(chart.title()).isEqualTo("Validation MRR");

        // another project, selected on accuracy: the chart is accuracy's again, and follows "Select on" before a run
        var marker = SmallMarker.project(Map.of("train", 64, "validation", 16));
        marker.setTraining(new TrainingSettings(1, 32, "adam", 1e-3, 42, 0, 0).withSelectOn("accuracy"));
        robot.interact(() -> vm.editor().setProject(marker));
        assertThat(chart.title()).isEqualTo("Validation accuracy");
        robot.interact(() -> vm.editor().setTraining(marker.training().withSelectOn("mrr")));
        assertThat(chart.title()).isEqualTo("Validation MRR");
    }

    @Test
    void aFractionCurveFlatAtZeroIsDrawnFromZeroNotOnATinyAxis(FxRobot robot) {
        robot.interact(() -> {
            MetricsChart chart = new MetricsChart("Validation accuracy", "accuracy", "validation", "previous run");
            chart.fractions();
            chart.replace(List.of(List.of(new MetricsHistory.Point(40, 0), new MetricsHistory.Point(80, 0)), List.of()));
            double[] range = chart.valueRange();
            assertThat(range[0]).isGreaterThanOrEqualTo(0);
            assertThat(range[1] - range[0]).as("ticks that read apart").isGreaterThanOrEqualTo(0.01);
        });
    }
}
