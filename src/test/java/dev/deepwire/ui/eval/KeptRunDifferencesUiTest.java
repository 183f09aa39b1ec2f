package dev.deepwire.ui.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.testing.ScratchDirs;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.training.TrainingViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Evaluate's run picker: a teacher trained the marker for 2 epochs, then for 1. Both kept runs had read
 * "adam 0.001, batch 32, seed 42" there, nothing telling them apart; each now says what sets it apart, wrapped within
 * the picker's width.
 */
@ExtendWith(ApplicationExtension.class)
class KeptRunDifferencesUiTest {
    private EvaluationWindow window;
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new Label("owner"), 200, 100));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().close());
    }

    @Test
    void eachKeptRunSaysWhatSetsItApartWrappedWithinThePicker(FxRobot robot) throws Exception {
        Path runs = ScratchDirs.create("deepwire-eval-runs");
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(),
                SmallMarker.project(Map.of("train", 128, "validation", 32)), Runnable::run, Runnable::run);
        TrainingViewModel training = WaitForAsyncUtils.asyncFx(() -> {
            TrainingViewModel t = new TrainingViewModel(editor, Runnable::run, Runnable::run, Runnable::run, () -> runs);
            for (int epochs : List.of(2, 1)) { // inline: each trained when start returns
                t.start(new TrainingSettings(epochs, 32, "adam", 1e-3, 42, 0, 0));
                t.drain();
            }
            return t;
        }).get(5, TimeUnit.MINUTES);
        robot.interact(() -> window = EvaluationWindow.show(owner, training, (m, s, i) -> { }, (m, s, i) -> { }));
        var picker = window.chooser().runs();
        List<String> kept = WaitForAsyncUtils.asyncFx(() -> picker.getItems().stream().filter(c -> c.run() != null)
                .map(KeptRunChooser.Choice::toString).toList()).get();
        assertThat(kept).hasSize(2);
        assertThat(kept).anyMatch(s -> s.contains("\nDiffers: Epochs 2")).anyMatch(s -> s.contains("\nDiffers: Epochs 1"));
        robot.interact(picker::show);
        WaitForAsyncUtils.waitForFxEvents();
        Bounds pickerOnScreen = WaitForAsyncUtils.asyncFx(() -> picker.localToScreen(picker.getBoundsInLocal())).get();
        List<Node> cells = List.copyOf(robot.lookup((Node n) -> n instanceof ListCell<?> c && c.getItem() != null
                && c.getText() != null && c.getText().contains("Differs")).queryAll());
        assertThat(cells).as("the runs listed with what sets them apart").hasSize(2);
        for (Node c : cells) {
            Bounds b = WaitForAsyncUtils.asyncFx(() -> c.localToScreen(c.getBoundsInLocal())).get();
            assertThat(b.getWidth()).as("a run's row no wider than the picker").isLessThanOrEqualTo(pickerOnScreen.getWidth() + 1);
        }
        robot.interact(picker::hide);
    }
}
