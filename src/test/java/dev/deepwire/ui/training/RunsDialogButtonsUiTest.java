package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.sweep.SweepRunRecord;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.ui.editor.EditorViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Runs…: "Compare table…" was on with no run kept; it is off, with the reason shown, until a run is there. */
@ExtendWith(ApplicationExtension.class)
class RunsDialogButtonsUiTest {
    @TempDir
    Path dir;
    private Stage stage;
    private final ExecutorService work = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @AfterEach
    void stop() {
        work.shutdownNow();
    }

    private Dialog<Void> dialog(FxRobot robot) throws Exception {
        Project p = SmallMarker.project(Map.of("vocabulary", 32, "train", 64, "validation", 16, "seed", 1));
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(), p, work, Platform::runLater);
        TrainingViewModel vm = new TrainingViewModel(editor, work, work, Platform::runLater, () -> dir.resolve("runs"));
        Object[] built = new Object[1];
        robot.interact(() -> built[0] = new RunsDialog(vm, stage, s -> { }, f -> { }, () -> { }).build());
        @SuppressWarnings("unchecked")
        Dialog<Void> d = (Dialog<Void>) built[0];
        dev.deepwire.testing.FxUntil.holds(() -> !d.getHeaderText().startsWith("Reading")); // read in the background
        return d;
    }

    /** A kept run of the dialog's project in its runs folder. */
    private void keepOneRun() throws Exception {
        Path run = Files.createDirectories(dir.resolve("runs/marker-1"));
        Project p = SmallMarker.project(Map.of("vocabulary", 32, "train", 64, "validation", 16, "seed", 1));
        Files.write(run.resolve("run.json"), new SweepRunRecord(p.name(), "", true, "", 2, 0.5, 0.5,
                "validation loss", 0.5, TrainingSettings.defaults(), Map.of()).toJson());
    }

    private static Button button(DialogPane pane, String text) {
        return pane.getButtonTypes().stream().filter(t -> t.getText().equals(text)).map(t -> (Button) pane.lookupButton(t))
                .findFirst().orElseThrow();
    }

    @Test
    void withNoRunKeptNothingThatNeedsARunIsOnAndTheDialogSaysWhy(FxRobot robot) throws Exception {
        DialogPane pane = dialog(robot).getDialogPane();
        for (String b : new String[] {"Compare table…", "Compare", "Inspect best model", "Export model…", "Delete…"}) {
            assertThat(button(pane, b).isDisabled()).as(b + " with no run kept").isTrue();
        }
        assertThat(button(pane, "Close").isDisabled()).isFalse();
        assertThat(pane.getHeaderText()).contains("No runs").contains("train once");
        @SuppressWarnings("unchecked")
        ListView<Object> list = (ListView<Object>) pane.getContent();
        assertThat(((Label) list.getPlaceholder()).getText()).startsWith("No runs kept yet");
    }

    @Test
    void aKeptRunTurnsTheTableOnAndDeletingTheLastTurnsItOffAgain(FxRobot robot) throws Exception {
        keepOneRun();
        Dialog<Void> dialog = dialog(robot);
        robot.interact(dialog::show);
        DialogPane pane = dialog.getDialogPane();
        @SuppressWarnings("unchecked")
        ListView<Object> list = (ListView<Object>) pane.getContent();
        assertThat(list.getItems()).hasSize(1);
        assertThat(button(pane, "Compare table…").isDisabled()).isFalse();

        robot.interact(() -> button(pane, "Compare table…").requestFocus());
        robot.interact(() -> list.getItems().clear()); // as Delete… removes the last run
        assertThat(button(pane, "Compare table…").isDisabled()).isTrue();
        assertThat(pane.getScene().getFocusOwner()).as("not Close, which Space would press").isSameAs(list);
        assertThat(pane.getHeaderText()).contains("No runs");
        assertThat(pane.lookupButton(ButtonType.CLOSE).isDisabled()).isFalse();
        robot.interact(dialog::close);
    }

    @Test
    void escapeClosesTheRunsWindowFromItsList(FxRobot robot) throws Exception {
        // Esc closed every other window but not Runs…: its list, which has the keys, took the key for itself.
        keepOneRun();
        Dialog<Void> dialog = dialog(robot);
        robot.interact(dialog::show);
        @SuppressWarnings("unchecked")
        ListView<Object> list = (ListView<Object>) dialog.getDialogPane().getContent();
        robot.interact(() -> {
            list.getSelectionModel().select(0);
            list.requestFocus();
        });
        assertThat(dialog.getDialogPane().getScene().getFocusOwner()).isSameAs(list);
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.isShowing()).isFalse();
    }

    @Test
    void compareIsOffForARunWithoutCurvesAndSaysWhy(FxRobot robot) throws Exception {
        // Seen in the real window: Compare with a run saved by the attention inspector's Apply answered in red
        // "Cannot read <folder>: …/metrics.csv"; such a run (heads removed, slimmed) has no curves
        keepOneRun();
        Dialog<Void> dialog = dialog(robot);
        robot.interact(dialog::show);
        DialogPane pane = dialog.getDialogPane();
        @SuppressWarnings("unchecked")
        ListView<Object> list = (ListView<Object>) pane.getContent();
        robot.interact(() -> list.getSelectionModel().select(0));
        Button compare = button(pane, "Compare");
        assertThat(compare.isDisabled()).isTrue();
        assertThat(compare.getTooltip().getText()).contains("has no curves").contains("Compare table");
        assertThat(pane.getHeaderText()).as("said where it is seen: a greyed button shows no tooltip")
                .contains("has no curves");
        robot.interact(() -> list.getSelectionModel().clearSelection());
        Files.writeString(dir.resolve("runs/marker-1/metrics.csv"), dev.deepwire.training.MetricsCsv.HEADER + "\n");
        robot.interact(() -> list.getSelectionModel().select(0));
        assertThat(compare.isDisabled()).as("a trained run's curves").isFalse();
        assertThat(pane.getHeaderText()).doesNotContain("has no curves");
        robot.interact(dialog::close);
    }

    /** The row of {@code run} as shown (read on the JavaFX thread). */
    private static String row(FxRobot robot, String run) {
        return robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && c.getItem() instanceof RunHistory.Run r && r.dir().getFileName().toString().equals(run))
                .queryAs(javafx.scene.control.ListCell.class).getText();
    }

    @Test
    void deletingARunTellsTheOthersApartAgainWithoutIt(FxRobot robot) throws Exception {
        // Delete… works out again what sets the remaining runs apart ("Differs: …", off the window's thread): a
        // difference only the deleted run made is no longer named under the others
        Project p = SmallMarker.project(Map.of("vocabulary", 32, "train", 64, "validation", 16, "seed", 1));
        int[] epochs = {40, 40, 3};
        for (int i = 0; i < epochs.length; i++) {
            Path run = Files.createDirectories(dir.resolve("runs/marker-" + (i + 1)));
            dev.deepwire.training.RunRecord.write(run, p.name(), null, null, p.training().withEpochs(epochs[i]),
                    "finished", 20, 0.5, Double.NaN);
        }
        Dialog<Void> dialog = dialog(robot);
        robot.interact(dialog::show);
        DialogPane pane = dialog.getDialogPane();
        @SuppressWarnings("unchecked")
        ListView<RunHistory.Run> list = (ListView<RunHistory.Run>) pane.getContent();
        assertThat(org.testfx.util.WaitForAsyncUtils.asyncFx(() -> row(robot, "marker-1")).get())
                .contains("\nDiffers: Epochs 40");
        Path third = dir.resolve("runs/marker-3");
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(r -> r.dir().getFileName().toString().equals("marker-3")).findFirst().orElseThrow()));
        Platform.runLater(button(pane, "Delete…")::fire); // its confirmation waits for an answer: not from interact
        java.util.function.Supplier<java.util.Optional<DialogPane>> sure = () -> robot.lookup(".dialog-pane")
                .queryAllAs(DialogPane.class).stream().filter(d -> d.getContentText() != null
                        && d.getContentText().startsWith("Delete the run marker-3")).findFirst();
        dev.deepwire.testing.FxUntil.holds(() -> sure.get().isPresent());
        robot.interact(() -> ((Button) sure.get().orElseThrow().lookupButton(ButtonType.OK)).fire());

        dev.deepwire.testing.FxUntil.holds(() -> list.getItems().size() == 2);
        assertThat(Files.exists(third)).as("the run's folder is gone").isFalse();
        dev.deepwire.testing.FxUntil.holds(() -> !row(robot, "marker-1").contains("Differs"));
        assertThat(org.testfx.util.WaitForAsyncUtils.asyncFx(() -> row(robot, "marker-2")).get())
                .as("Epochs 40 told it only from the deleted run").doesNotContain("Differs");
        robot.interact(dialog::close);
    }
}
