package dev.deepwire.ui;

import dev.deepwire.testing.ScratchDirs;
import dev.deepwire.training.RunState;
import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.io.files.Autosave;
import dev.deepwire.io.files.RecentFiles;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.training.TrainingViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.prefs.Preferences;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Small words on screen: a one-epoch run says "the 1 epoch", an empty canvas says how to begin instead of "Ready to
 * train", the Runs dialog's buttons are off while no run is chosen, and the gallery's epoch counts are the samples'.
 */
@ExtendWith(ApplicationExtension.class)
class SmallWordsUiTest {
    private final ExecutorService work = Executors.newSingleThreadExecutor();
    private final ExecutorService trainer = Executors.newSingleThreadExecutor();
    private TrainingViewModel training;
    private EditorViewModel vm;
    private WorkbenchWindow window;
    private Preferences prefs;

    @Start
    void start(Stage stage) throws Exception {
        Project p = SmallMarker.project(Map.of("vocabulary", 32, "train", 256, "validation", 64, "seed", 1));
        p.setTraining(p.training().withEpochs(1));
        Path dir = ScratchDirs.create("deepwire-words");
        prefs = Preferences.userRoot().node("dev/deepwire/test-words-" + System.nanoTime());
        vm = new EditorViewModel(BlockCatalog.standard(), p, work, Platform::runLater);
        training = new TrainingViewModel(vm, work, trainer, Platform::runLater, () -> dir.resolve("runs"));
        window = new WorkbenchWindow(stage, vm, null, new RecentFiles(prefs), new Autosave(dir.resolve("autosave"), "w"), training);
        stage.setScene(new Scene(window.root(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        WaitForAsyncUtils.asyncFx(training::stop).get();
        prefs.removeNode();
    }

    private Button button(DialogPane pane, String text) {
        return pane.getButtonTypes().stream().filter(t -> t.getText().equals(text)).map(t -> (Button) pane.lookupButton(t))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private void checkRunsDialog(FxRobot robot, int runs) throws Exception {
        robot.clickOn(RealKeys.reveal(robot, robot.lookup("#train-runs").query()));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        dev.deepwire.testing.FxUntil.holds(() -> !pane.getHeaderText().startsWith("Reading")); // read in the background
        ListView<Object> list = robot.lookup("#runs-list").queryAs(ListView.class);
        assertThat(list.getItems()).hasSize(runs);
        for (String b : new String[] {"Compare", "Inspect best model", "Export model…", "Delete…"}) {
            assertThat(button(pane, b).isDisabled()).as(b + " with no run chosen").isTrue();
        }
        if (runs > 0) {
            robot.interact(() -> list.getSelectionModel().select(0));
            assertThat(button(pane, "Compare").isDisabled()).isFalse();
            assertThat(button(pane, "Delete…").isDisabled()).isFalse();
        }
        robot.clickOn((Button) pane.lookupButton(ButtonType.CLOSE));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void oneEpochEmptyCanvasAndTheRunsDialogSayWhatIsTrue(FxRobot robot) throws Exception {
        checkRunsDialog(robot, 0);
        robot.clickOn(RealKeys.reveal(robot, robot.lookup("#train-start").query()));
        DockBelongsToProjectUiTest.waitFor("the one-epoch run ends", () -> training.phaseProperty().get() == RunState.FINISHED);
        String status = robot.lookup("#train-status").queryLabeled().getText();
        // the kept model's figure first: at 1024 px "Finished (all 20 epochs done): valid…" had cut it off
        assertThat(status).startsWith("Finished: validation accuracy ").contains("% (the 1 epoch done)")
                .doesNotContain("1 epochs");
        checkRunsDialog(robot, 1);

        robot.clickOn(window.canvas(), MouseButton.MIDDLE);
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        if (!robot.lookup(".dialog-pane").queryAll().isEmpty()) { // the settings edit asks to be saved or dropped
            DialogPane ask = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
            robot.interact(() -> ((Button) ask.lookupButton(ask.getButtonTypes().stream()
                    .filter(t -> t.getText().equals("Don't Save")).findFirst().orElseThrow())).fire());
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.graph().nodes()).isEmpty();
        assertThat(robot.lookup("#train-status").queryLabeled().getText()).isEqualTo("Add blocks from the palette to start");
        robot.interact(() -> vm.addBlock("token_input", 0, 0));
        // a lone input cannot train (no output block): the dock says so, where it had said "Ready to train"
        DockBelongsToProjectUiTest.waitFor("the dock follows the graph's check", () -> robot.lookup("#train-status")
                .queryLabeled().getText().startsWith("Not ready to train the new project: "));
        assertThat(robot.lookup("#train-status").queryLabeled().getText()).endsWith("to fix first (see the status bar)");
    }

    @Test
    void theGallerysEpochCountsAreTheSamples() throws Exception {
        JsonNode gallery = new ObjectMapper().readTree(Path.of("sample-projects/gallery.json").toFile());
        Pattern epochs = Pattern.compile("(\\d+) epochs");
        int checked = 0;
        for (JsonNode s : gallery.get("samples")) {
            String time = s.get("time").asText();
            Matcher m = epochs.matcher(time);
            if (m.find()) {
                Project p = new ProjectReader().read(Path.of("sample-projects").resolve(s.get("file").asText()));
                assertThat(Integer.parseInt(m.group(1))).as(s.get("file").asText() + ": " + time).isEqualTo(p.training().epochs());
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(7);
    }
}
