package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.testing.ScratchDirs;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.training.RunState;
import dev.deepwire.ui.editor.EditorViewModel;
import java.nio.file.Path;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At 1024 × 700 the dock's training settings moved down two lines when the first run started (its progress line took
 * room only once it had something to say), under the pointer of a user about to change a setting. They stay put now.
 */
@ExtendWith(ApplicationExtension.class)
class DockStaysPutUiTest {
    private TrainingViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = ScratchDirs.create("deepwire-dock-put");
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(),
                SmallMarker.project(Map.of("train", 64, "validation", 16)), Runnable::run, Runnable::run);
        vm = new TrainingViewModel(editor, Runnable::run, Runnable::run, Runnable::run, () -> dir);
        TrainingPanel panel = new TrainingPanel(vm, editor.project().training());
        Scene scene = new Scene(panel, 1000, 218); // the dock's height in the real 1024 x 700 window
        // the window's stylesheet, as in the window: the dock's lines have their heights from it (.dock-lines-N, in em)
        scene.getStylesheets().add(getClass().getResource("/dev/deepwire/ui/workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private Bounds at(FxRobot robot, String id) throws Exception {
        Node n = robot.lookup(id).query();
        return WaitForAsyncUtils.asyncFx(() -> n.localToScene(n.getLayoutBounds())).get();
    }

    @Test
    void theSettingsDoNotMoveWhenTheFirstRunStarts(FxRobot robot) throws Exception {
        robot.interact(() -> { });
        Bounds settingsBefore = at(robot, "#train-settings-scroll");
        Bounds batchBefore = at(robot, "#train-batch");
        robot.interact(() -> {
            vm.start(new TrainingSettings(1, 32, "adam", 1e-3, 42, 0, 0));
            vm.drain();
        });
        robot.interact(() -> { });
        assertThat(vm.phaseProperty().get()).isEqualTo(RunState.FINISHED);
        assertThat(vm.measured().progressTextProperty().get()).as("the run's progress line says something").isNotEmpty();
        assertThat(at(robot, "#train-settings-scroll").getMinY()).as("the settings' top").isEqualTo(settingsBefore.getMinY());
        assertThat(at(robot, "#train-batch").getMinY()).as("the Batch field").isEqualTo(batchBefore.getMinY());
    }
}
