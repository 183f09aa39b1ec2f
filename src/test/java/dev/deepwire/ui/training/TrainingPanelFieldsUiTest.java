package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.testing.ScratchDirs;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.ui.editor.EditorViewModel;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A settings field holding text that is not its number is named, as the dock labels it, with what it holds. */
@ExtendWith(ApplicationExtension.class)
class TrainingPanelFieldsUiTest {
    private TrainingPanel panel;
    private EditorViewModel editor;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = ScratchDirs.create("deepwire-panel-fields");
        editor = new EditorViewModel(BlockCatalog.standard(),
                SmallMarker.project(Map.of("train", 64, "validation", 16)), Runnable::run, Runnable::run);
        TrainingViewModel vm = new TrainingViewModel(editor, Runnable::run, Runnable::run, Runnable::run, () -> dir);
        panel = new TrainingPanel(vm, editor.project().training());
        stage.setScene(new Scene(panel, 1000, 240)); // the dock's height in a 1024 x 700 window
        stage.show();
    }

    @Test
    void aSentenceInANumberFieldIsNamedWithWhatItHolds(FxRobot robot) {
        robot.interact(() -> robot.lookup("#train-validation-split").queryAs(TextField.class)
                .setText("a fifth of the words please"));
        assertThat(panel.settings()).isEmpty();
        assertThat(problem(robot)).isEqualTo("Validation split must be a number; got 'a fifth of the words please'");
        robot.interact(() -> {
            robot.lookup("#train-validation-split").queryAs(TextField.class).setText("0.2");
            robot.lookup("#train-seed").queryAs(TextField.class).setText("forty two");
        });
        assertThat(panel.settings()).isEmpty();
        assertThat(problem(robot)).isEqualTo("Seed must be a whole number; got 'forty two'");
        robot.interact(() -> {
            robot.lookup("#train-seed").queryAs(TextField.class).setText("42");
            robot.lookup("#train-rate").queryAs(TextField.class).setText("0x1p-3"); // Java's form of 0.125
        });
        assertThat(panel.settings()).isEmpty();
        assertThat(problem(robot)).isEqualTo("Learning rate must be a number; got '0x1p-3'");
        Label shown = robot.lookup(".issue-error").queryAs(Label.class);
        robot.interact(() -> { });
        var bounds = shown.localToScene(shown.getBoundsInLocal());
        assertThat(shown.isVisible()).isTrue();
        assertThat(bounds.getMinY()).as("said where it is seen, not below the scrolled settings").isGreaterThanOrEqualTo(0);
        assertThat(bounds.getMaxY()).isLessThanOrEqualTo(240);
        robot.interact(() -> robot.lookup("#train-rate").queryAs(TextField.class).setText("0.001"));
        assertThat(panel.settings()).isPresent();
        robot.interact(() -> { });
        // nothing said once the setting is taken (the line's slot stays, shared with the run's progress: the settings
        // below it no longer move when a run starts — DockStaysPutUiTest)
        assertThat(shown.isVisible()).as("nothing said").isFalse();
    }

    @Test
    void openingProjectsChangesNothingAndAddsNoStepToUndo(FxRobot robot) throws Exception {
        // Choice boxes fire their action when the dock fills them: opening a project had recorded "Set model selection"
        // steps, marked the project changed and carried one project's choice into the next.
        var chosen = new dev.deepwire.model.TrainingSettings(3, 16, "sgd", 0.01, 5, 0, 2, 0.1, "accuracy");
        var first = SmallMarker.project(Map.of("train", 64, "validation", 16));
        first.setTraining(chosen);
        robot.interact(() -> editor.setProject(first));
        assertThat(editor.history().canUndo()).as("nothing to undo after opening").isFalse();
        assertThat(editor.project().training()).isEqualTo(chosen);
        assertThat(robot.lookup("#train-select-on").queryComboBox().getValue()).isEqualTo("accuracy");
        var second = SmallMarker.project(Map.of("train", 64, "validation", 16));
        var defaults = second.training();
        robot.interact(() -> editor.setProject(second));
        assertThat(editor.history().canUndo()).isFalse();
        assertThat(editor.project().training()).as("not the last project's choices").isEqualTo(defaults);
        assertThat(robot.lookup("#train-select-on").queryComboBox().getValue()).isEqualTo(defaults.selectOn());
        robot.interact(() -> robot.lookup("#train-select-on").queryComboBox().getSelectionModel().select("loss"));
        assertThat(editor.project().training().selectOn()).as("a person's choice is kept").isEqualTo("loss");
        assertThat(editor.history().undoDescription()).hasValueSatisfying(d -> assertThat(d).contains("model selection"));
    }

    private String problem(FxRobot robot) {
        return robot.lookup(".issue-error").queryAs(Label.class).getText();
    }
}
