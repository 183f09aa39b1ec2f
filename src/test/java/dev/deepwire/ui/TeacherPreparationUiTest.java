package dev.deepwire.ui;

import dev.deepwire.training.RunState;
import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.Note;
import dev.deepwire.model.Project;
import dev.deepwire.ui.training.TrainingViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A teacher prepares a self-attention demo: gallery → marker → a note "Watch head 0 here" → epochs 14 → Save → close
 * → reopen (note and epochs back, nothing unsaved) → Train → inspector → Pause → Resume → Stop → open word-language
 * (the dock shows nothing of marker's run, Runs… lists no marker run). The file dialogs are the only steps not
 * driven by keys and mouse (Save As and Open call what those dialogs call).
 */
@ExtendWith(ApplicationExtension.class)
class TeacherPreparationUiTest {
    private WorkbenchHarness h;

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "word-language.dwproj", 1280, 860);
        Files.createDirectories(h.dir.resolve("data")); // its data beside the copy, as beside the sample
        Files.copy(Path.of("sample-projects/data/word-language.tsv"), h.dir.resolve("data/word-language.tsv"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    private void keys(FxRobot robot, KeyCode... combo) {
        robot.press(combo);
        for (int i = combo.length - 1; i >= 0; i--) {
            robot.release(combo[i]);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void preparingTheMarkerDemo(FxRobot robot) throws Exception {
        Path lesson = h.dir.resolve("lesson.dwproj");
        // Gallery → marker.
        robot.clickOn(h.window.canvas(), MouseButton.MIDDLE);
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
        @SuppressWarnings("unchecked")
        ListView<SampleGallery.Card> gallery = robot.lookup("#sample-gallery").queryAs(ListView.class);
        int marker = gallery.getItems().stream().map(c -> c.entry().file()).toList().indexOf("marker.dwproj");
        robot.interact(() -> gallery.getSelectionModel().select(marker));
        robot.clickOn("#gallery-open");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.vm.project().name()).isEqualTo("marker");
        // A note, typed with real keys.
        robot.clickOn(h.window.canvas(), MouseButton.MIDDLE);
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M);
        RealKeys.type(robot, "Watch head 0 here");
        keys(robot, KeyCode.CONTROL, KeyCode.ENTER);
        // Epochs 14.
        robot.doubleClickOn("#train-epochs");
        keys(robot, KeyCode.CONTROL, KeyCode.A);
        RealKeys.type(robot, "14");
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.stage.getTitle()).startsWith("• ");
        // Save (the template asks where: lesson.dwproj), then close it (New) and reopen it from Open Recent.
        robot.interact(() -> h.window.files().saveAs(lesson));
        assertThat(h.stage.getTitle()).isEqualTo("lesson.dwproj — DeepWire");
        robot.clickOn(h.window.canvas(), MouseButton.MIDDLE);
        keys(robot, KeyCode.CONTROL, KeyCode.N);
        assertThat(robot.lookup(".dialog-pane").tryQuery()).as("nothing unsaved to ask about").isEmpty();
        robot.clickOn("File").clickOn("Open Recent");
        robot.clickOn(n -> n instanceof Labeled l && l.getText() != null
                && l.getText().startsWith("lesson.dwproj"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.window.files().fileProperty().get()).isEqualTo(lesson);
        assertThat(h.vm.graph().notes()).extracting(Note::text).contains("Watch head 0 here");
        assertThat(robot.lookup("#train-epochs").queryTextInputControl().getText()).isEqualTo("14");
        assertThat(h.stage.getTitle()).as("reopened: nothing unsaved").isEqualTo("lesson.dwproj — DeepWire");
        Project onDisk = new ProjectReader().read(lesson);
        assertThat(onDisk.training().epochs()).isEqualTo(14);
        // Train; the attention inspector opens on the attention block; Pause, Resume, Stop.
        robot.clickOn(RealKeys.reveal(robot, robot.lookup("#train-start").query()));
        DockBelongsToProjectUiTest.waitFor("training", () -> h.training.history().trainLoss().size() >= 3);
        robot.interact(() -> h.vm.select("attn", false));
        keys(robot, KeyCode.CONTROL, KeyCode.I);
        assertThat(Window.getWindows()).anyMatch(w -> w instanceof Stage s && s != h.stage && s.isShowing()
                && s.getTitle() != null && s.getTitle().toLowerCase().contains("attention"));
        robot.interact(() -> h.stage.toFront());
        robot.clickOn("#train-pause");
        DockBelongsToProjectUiTest.waitFor("paused", () -> h.training.phaseProperty().get() == RunState.PAUSED);
        robot.clickOn("#train-resume");
        DockBelongsToProjectUiTest.waitFor("running again", () -> h.training.phaseProperty().get() == RunState.RUNNING);
        robot.clickOn("#train-stop");
        DockBelongsToProjectUiTest.waitFor("stopped", () -> h.training.phaseProperty().get() == RunState.STOPPED);
        robot.interact(() -> Window.getWindows().stream().filter(w -> w instanceof Stage s && s != h.stage).toList()
                .forEach(Window::hide));
        // Open word-language beside it: the dock is empty of marker's run and Runs… lists no marker run.
        robot.interact(() -> h.window.files().open(h.file));
        assertThat(h.vm.project().name()).isEqualTo("word-language");
        assertThat(h.training.history().trainLoss()).isEmpty();
        assertThat(h.training.history().previousTrainLoss()).isEmpty();
        // The idle line once the data has been checked against the graph too (the copy has its data beside it: it
        // had been asserted before that check came, and read "Not ready … 1 problem", the data missing, when it came first).
        DockBelongsToProjectUiTest.waitFor("word-language's data checked", () -> h.vm.analysisProperty().get().complete()
                && h.vm.analysisProperty().get().revision() == h.vm.revisionProperty().get());
        assertThat(robot.lookup("#train-status").queryLabeled().getText()).isEqualTo("Ready to train word-language");
        assertThat(Files.list(h.dir.resolve("runs")).toList()).as("marker's run is kept on disk").hasSize(1);
        robot.clickOn(RealKeys.reveal(robot, robot.lookup("#train-runs").query()));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane read = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        dev.deepwire.testing.FxUntil.holds(() -> !read.getHeaderText().startsWith("Reading")); // read in the background
        assertThat(robot.lookup("#runs-list").queryAs(ListView.class).getItems()).isEmpty();
        DialogPane runs = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        robot.clickOn((Button) runs.lookupButton(ButtonType.CLOSE));
        // The lesson opened again: its last run's curves are on the charts, dashed (they were empty after reopening).
        robot.interact(() -> h.window.files().open(lesson));
        DockBelongsToProjectUiTest.waitFor("the lesson's last run shown",
                () -> !h.training.history().previousTrainLoss().isEmpty());
        assertThat(h.training.history().trainLoss()).as("no run of this window yet").isEmpty();
        assertThat(h.training.history().previousValidationAccuracy()).isNotEmpty();
        // Unsaved work of the lesson restored after a crash, the lesson already open: its last run's curves are shown
        // again (the file's name did not change, so they had stayed cleared with the replaced project).
        Path copy = Files.createTempFile(h.dir, "autosave-", ".dwproj");
        Project kept = new ProjectReader().read(lesson);
        robot.interact(() -> h.window.files().restore(new dev.deepwire.io.files.Autosave.Recovered(copy, kept, lesson,
                java.util.List.of())));
        assertThat(h.vm.project()).isSameAs(kept);
        DockBelongsToProjectUiTest.waitFor("the restored lesson's last run shown",
                () -> !h.training.history().previousTrainLoss().isEmpty());
    }
}
