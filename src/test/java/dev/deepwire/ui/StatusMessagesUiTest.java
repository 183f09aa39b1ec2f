package dev.deepwire.ui;

import dev.deepwire.training.RunState;
import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.ui.training.TrainingViewModel;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Polyline;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The status bar's message gives way to the next relevant state: a selected wire's hint goes with Esc or a press
 * elsewhere on the canvas; a run's start replaces an edit message and its end is announced with where it is saved.
 */
@ExtendWith(ApplicationExtension.class)
class StatusMessagesUiTest {
    private WorkbenchHarness h;

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "marker.dwproj", 1280, 800);
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    private String message(FxRobot robot) {
        return h.vm.messageProperty().get();
    }

    @Test
    void aSampleInTheWindowIsNamedWithWhereSaveGoes(FxRobot robot) {
        robot.interact(() -> h.window.files().sampleOpened()); // as the window does for the default sample at start
        assertThat(robot.lookup("#status-message").queryLabeled().getText())
                .isEqualTo("Opened the sample " + h.vm.project().name() + " — Save asks where to keep your copy");
    }

    @Test
    void saveAsSaysWhereTheEarlierFilesRunsStay(FxRobot robot) throws Exception {
        java.nio.file.Path run = java.nio.file.Files.createDirectories(h.dir.resolve("runs").resolve("marker-1"));
        java.nio.file.Files.write(run.resolve("run.json"), new dev.deepwire.sweep.SweepRunRecord("marker",
                h.file.toAbsolutePath().toString(), true, null, 2, 3.1, 0.2, "validation loss", 3.1,
                dev.deepwire.model.TrainingSettings.defaults(), java.util.Map.of()).toJson());
        // and one trained before the file had a name (a sample trained, then saved): it stayed where it was made
        java.nio.file.Path unsaved = java.nio.file.Files.createDirectories(h.dir.resolve("unsaved runs"));
        java.nio.file.Path early = java.nio.file.Files.createDirectories(unsaved.resolve("marker-0"));
        java.nio.file.Files.write(early.resolve("run.json"), new dev.deepwire.sweep.SweepRunRecord("marker",
                h.file.toAbsolutePath().toString(), true, null, 1, 3.3, 0.1, "validation loss", 3.3,
                dev.deepwire.model.TrainingSettings.defaults(), java.util.Map.of()).toJson());
        h.window.training().runs().alsoListIn(unsaved);
        java.nio.file.Path copy = java.nio.file.Files.createDirectories(h.dir.resolve("lesson copy")).resolve("my lesson.dwproj");
        robot.interact(() -> h.window.files().saveAs(copy));
        assertThat(h.vm.messageProperty().get()).startsWith("Saved " + copy)
                .contains("Its 2 runs stay with marker.dwproj (in ").contains(h.dir.toAbsolutePath().resolve("runs") + "")
                .contains(" and ").contains(unsaved.toAbsolutePath() + "").endsWith("): open that file to see them in Runs…");
        robot.interact(() -> h.window.files().save());
        assertThat(h.vm.messageProperty().get()).as("said at Save As, not at each save after it").isEqualTo("Saved " + copy);
        // Runs… of the copy, empty, says it too (it said "No runs kept yet" alone), and after a second Save As
        assertThat(h.window.training().runs().kept()).isEmpty();
        assertThat(h.window.training().runs().leftBehind()).startsWith("Its 2 runs stay with marker.dwproj (in ");
        java.nio.file.Path again = copy.resolveSibling("my lesson for friday.dwproj");
        robot.interact(() -> h.window.files().saveAs(again));
        assertThat(h.window.training().runs().leftBehind()).startsWith("Its 2 runs stay with marker.dwproj");
        robot.interact(() -> h.window.files().saveAs(h.file)); // back as the first file: its own run is listed
        assertThat(h.window.training().runs().kept()).hasSize(2);
        assertThat(h.window.training().runs().leftBehind()).isEmpty();
    }

    /** Clicks wires in the middle of their drawn line until one is selected. */
    private void selectAWire(FxRobot robot) {
        for (Node n : robot.lookup(".wire-hit").queryAll()) {
            Polyline line = (Polyline) n;
            int mid = line.getPoints().size() / 4 * 2;
            if (line.getPoints().size() < 4) {
                continue;
            }
            Point2D at = line.localToScreen(line.getPoints().get(mid), line.getPoints().get(mid + 1));
            Bounds canvas = h.window.canvas().localToScreen(h.window.canvas().getLayoutBounds());
            if (at == null || !canvas.contains(at)) {
                continue;
            }
            robot.clickOn(at);
            WaitForAsyncUtils.waitForFxEvents();
            if (message(robot).startsWith("Wire ")) {
                return;
            }
        }
        throw new AssertionError("no wire could be clicked");
    }

    @Test
    void openingAFileWithAMisspeltSectionSaysSo(FxRobot robot) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("deepwire-status").resolve("typo.dwproj");
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(java.nio.file.Path.of("sample-projects/marker.dwproj"))
                .replace("\"training\": {", "\"trainig\": {\"epochs\": 1}, \"training\": {"));
        robot.interact(() -> h.window.files().open(file));
        assertThat(message(robot)).startsWith("Opened typo.dwproj · trainig: not a section of a project")
                .contains("did you mean \"training\"?");
    }

    @Test
    void aNewProjectReplacesTheOpenedMessage(FxRobot robot) {
        robot.interact(() -> h.vm.messageProperty().set("Opened marker.dwproj"));
        robot.interact(() -> h.window.files().newProject());
        assertThat(message(robot)).doesNotContain("Opened").startsWith("New project");
    }

    @Test
    void aSelectedWiresHintGoesWithEscAndWithAPressElsewhere(FxRobot robot) {
        selectAWire(robot);
        assertThat(message(robot)).endsWith("selected: Delete removes it");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message(robot)).isEmpty();
        assertThat(robot.lookup("#status-message").tryQuery().map(n -> ((Labeled) n).getText()).orElse(""))
                .doesNotContain("Delete removes it");

        selectAWire(robot);
        Bounds canvas = h.window.canvas().localToScreen(h.window.canvas().getLayoutBounds());
        robot.clickOn(new Point2D(canvas.getMinX() + 4, canvas.getMinY() + 4));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message(robot)).doesNotContain("Delete removes it");
    }

    @Test
    void aRunReplacesEditMessagesAndItsEndIsAnnounced(FxRobot robot) throws Exception {
        robot.interact(() -> {
            h.vm.setTraining(h.vm.project().training().withEpochs(7));
            h.vm.undo();
            h.vm.redo();
        });
        assertThat(message(robot)).isEqualTo("Redid: set epochs to 7");
        robot.clickOn(RealKeys.reveal(robot, robot.lookup("#train-start").query()));
        DockBelongsToProjectUiTest.waitFor("training", () -> h.training.history().trainLoss().size() >= 3);
        assertThat(message(robot)).startsWith("Training marker");
        robot.clickOn("#train-stop");
        DockBelongsToProjectUiTest.waitFor("stopped", () -> h.training.phaseProperty().get() == RunState.STOPPED);
        assertThat(message(robot)).contains("Stopped at step").contains("validation accuracy")
                .startsWith("Run saved in " + java.nio.file.Path.of("runs").resolve(h.training.runDir().orElseThrow().getFileName()))
                .as("from the project's folder").doesNotContain(h.dir.toString());
    }
}
