package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.testing.KeptRuns;
import dev.deepwire.testing.ScratchDirs;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.training.RunState;
import dev.deepwire.ui.editor.EditorViewModel;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Runs… ▸ Compare draws an older run's curves dashed in the dock's charts: the legend names that run. It had read
 * "previous run" while the status bar said "Comparing with digits-caption-20261207-122556" — and went on reading so
 * once the status bar said something else. A new run makes the dashed curves the previous run's again.
 */
@ExtendWith(ApplicationExtension.class)
class ComparedRunLegendUiTest {
    private TrainingViewModel vm;
    private TrainingPanel panel;
    private Project project;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = ScratchDirs.create("deepwire-compared-legend");
        project = SmallMarker.project(Map.of("train", 64, "validation", 16));
        project.setTraining(project.training().withEpochs(1));
        vm = new TrainingViewModel(new EditorViewModel(BlockCatalog.standard(), project, Runnable::run, Runnable::run),
                Runnable::run, Runnable::run, Runnable::run, () -> dir.resolve("runs"));
        panel = new TrainingPanel(vm, project.training());
        stage.setScene(new Scene(panel, 984, 240));
        stage.show();
    }

    @Test
    void theDashedCurvesAreNamedForTheRunComparedWith(FxRobot robot) throws Exception {
        Path older = KeptRuns.run(dir.resolve("runs"), "marker-20261207-122556", project.name(), "/x/marker.dwproj",
                project.training(), "finished", 20, 0.5, Double.NaN);
        KeptRuns.epochs(older, 10, 0.7, new double[] {0.69, 0.6}, new double[] {0.5, 0.6}, null);
        RunHistory.Run run = RunHistory.read(older);
        MetricsHistory curves = RunHistory.curves(run);

        robot.interact(() -> vm.compareWith(run, curves));
        robot.interact(() -> { });

        assertThat(panel.qualityChart().seriesName(1)).isEqualTo("marker-20261207-122556");

        for (int again = 0; again < 2; again++) { // two new runs: the dashed curves are the first one's, the previous run's
            robot.interact(() -> {
                assertThat(vm.start(project.training())).isTrue();
                vm.drain();
            });
            assertThat(vm.phaseProperty().get()).as(vm.statusProperty().get()).isEqualTo(RunState.FINISHED);
        }
        robot.interact(() -> { });
        assertThat(panel.qualityChart().seriesName(1)).isEqualTo("previous run");
    }
}
