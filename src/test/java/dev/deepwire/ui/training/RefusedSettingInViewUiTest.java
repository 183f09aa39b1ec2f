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
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Seen in the real window at 1024 × 700: after a run had finished, a sentence typed into Batch was refused in red, but the
 * settings below the run's progress, result and that red line had about 20 px left: the Batch field named was cut off,
 * out of view. A refused setting now takes the place of the ended run's progress line, so its field is in view.
 */
@ExtendWith(ApplicationExtension.class)
class RefusedSettingInViewUiTest {
    private TrainingViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = ScratchDirs.create("deepwire-refused-in-view");
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(),
                SmallMarker.project(Map.of("train", 64, "validation", 16)), Runnable::run, Runnable::run);
        vm = new TrainingViewModel(editor, Runnable::run, Runnable::run, Runnable::run, () -> dir);
        TrainingPanel panel = new TrainingPanel(vm, editor.project().training());
        stage.setScene(new Scene(panel, 1000, 218)); // the dock's height measured in the real 1024 x 700 window
        stage.show();
    }

    @Test
    void theFieldOfARefusedSettingIsInViewAfterARun(FxRobot robot) {
        robot.interact(() -> {
            vm.start(new TrainingSettings(1, 32, "adam", 1e-3, 42, 0, 0));
            vm.drain();
        });
        assertThat(vm.phaseProperty().get()).isEqualTo(RunState.FINISHED);
        assertThat(vm.measured().progressTextProperty().get()).as("the ended run's progress line").isNotEmpty();
        TextField batch = robot.lookup("#train-batch").queryAs(TextField.class);
        robot.interact(() -> batch.setText("sixty four examples per step"));
        robot.interact(() -> { });
        ScrollPane settings = robot.lookup("#train-settings-scroll").queryAs(ScrollPane.class);
        var view = settings.localToScene(settings.getLayoutBounds());
        var field = batch.localToScene(batch.getLayoutBounds());
        assertThat(batch.getStyleClass()).contains("invalid");
        assertThat(field.getMaxY()).as("the refused Batch field %s is whole within the settings' view %s", field, view)
                .isLessThanOrEqualTo(view.getMaxY() + 0.5);
        assertThat(field.getMinY()).isGreaterThanOrEqualTo(view.getMinY() - 0.5);
        robot.interact(() -> batch.setText("64"));
        robot.interact(() -> { });
        assertThat(robot.lookup("#train-progress").tryQuery()).as("the progress line back once nothing is refused")
                .hasValueSatisfying(p -> assertThat(p.isVisible()).isTrue());
    }
}
