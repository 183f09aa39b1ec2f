package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
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
 * Save over a project file that was changed outside the window since it was opened (another program, a second
 * DeepWire window on the same file) asks first, instead of silently replacing the other version.
 */
@ExtendWith(ApplicationExtension.class)
class ChangedOnDiskUiTest {
    private WorkbenchHarness h;

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "marker.dwproj", 1280, 800);
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    /** What another program saved over the file while the window had it open. */
    private String editOutside() throws Exception {
        String theirs = Files.readString(h.file).replace("\"name\" : \"marker\"", "\"name\" : \"changed elsewhere\"")
                .replace("\"name\": \"marker\"", "\"name\": \"changed elsewhere\"");
        assertThat(theirs).contains("changed elsewhere");
        Files.writeString(h.file, theirs);
        return theirs;
    }

    private void save(FxRobot robot) {
        robot.clickOn(h.window.canvas(), MouseButton.MIDDLE).press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private DialogPane question(FxRobot robot) {
        robot.interact(() -> h.vm.setParam("attn", "heads", 2)); // this window's own change
        save(robot);
        DialogPane ask = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(ask.getHeaderText()).isEqualTo("marker.dwproj changed on disk");
        assertThat(ask.getContentText()).contains("was changed outside this window").contains("are lost")
                .contains("Save As… keeps both");
        return ask;
    }

    private void press(FxRobot robot, DialogPane ask, String text) {
        Button b = ask.getButtonTypes().stream().map(t -> (Button) ask.lookupButton(t))
                .filter(x -> x.getText().equals(text)).findFirst().orElseThrow();
        robot.clickOn(b);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void cancelKeepsTheOtherVersionAndTheWindowsWork(FxRobot robot) throws Exception {
        String theirs = editOutside();
        press(robot, question(robot), ButtonType.CANCEL.getText());
        assertThat(Files.readString(h.file)).as("the version saved elsewhere").isEqualTo(theirs);
        assertThat(h.vm.history().isDirty()).as("the window's change still unsaved").isTrue();
        assertThat(h.vm.messageProperty().get()).contains("Not saved").contains("changed outside this window");
    }

    @Test
    void replaceWritesThisWindowsProjectAndLaterSavesDoNotAskAgain(FxRobot robot) throws Exception {
        editOutside();
        press(robot, question(robot), SaveQuestions.REPLACE);
        assertThat(Files.readString(h.file)).doesNotContain("changed elsewhere");
        assertThat(h.vm.history().isDirty()).isFalse();

        robot.interact(() -> h.vm.setParam("attn", "heads", 4));
        save(robot);
        assertThat(robot.lookup(".dialog-pane").tryQuery()).as("its own save is no outside change").isEmpty();
        assertThat(h.vm.history().isDirty()).isFalse();
    }

    @Test
    void saveAsKeepsBoth(FxRobot robot) throws Exception {
        String theirs = editOutside();
        Path mine = h.dir.resolve("mine.dwproj");
        h.window.files().setAskSave((chooser, owner) -> mine.toFile());
        press(robot, question(robot), SaveQuestions.SAVE_AS);
        assertThat(Files.readString(h.file)).isEqualTo(theirs);
        assertThat(Files.readString(mine)).doesNotContain("changed elsewhere");
        assertThat(h.window.files().fileProperty().get()).isEqualTo(mine);
    }

    @Test
    void workRestoredAfterACrashAsksBeforeReplacingAFileChangedSince(FxRobot robot) throws Exception {
        robot.interact(() -> h.vm.setParam("attn", "heads", 2));
        robot.interact(() -> h.window.files().autosaveNow());
        h.window.files().awaitAutosave();
        h.autosave.abandon(); // the process dies; meanwhile the file is changed elsewhere
        String theirs = editOutside();
        var left = dev.deepwire.io.files.Autosave.leftBehind(h.dir.resolve("autosave"));
        assertThat(left).hasSize(1);
        robot.interact(() -> h.window.files().restore(left.get(0)));
        save(robot);
        DialogPane ask = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(ask.getHeaderText()).isEqualTo("marker.dwproj changed on disk");
        press(robot, ask, ButtonType.CANCEL.getText());
        assertThat(Files.readString(h.file)).isEqualTo(theirs);
        assertThat(h.vm.project().graph().require("attn").param("heads")).isEqualTo(2);
    }

    /**
     * Another window or process saves the file in the instant between this window's look ("unchanged") and its write:
     * the write had replaced the other's version unasked. Now the look and the replace are one locked step, so the
     * save finds the change, asks, and Cancel keeps both the other's version on disk and this window's work.
     */
    @Test
    void aSaveByAnotherProcessBetweenTheLookAndTheWriteIsAskedAboutNotOverwritten(FxRobot robot) throws Exception {
        String[] theirs = new String[1];
        h.window.files().setCommitEdits(() -> { // runs inside the save, after its look at the file
            try {
                if (theirs[0] == null) {
                    theirs[0] = editOutside();
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return "";
        });
        robot.interact(() -> h.vm.setParam("attn", "heads", 2));
        save(robot);
        assertThat(theirs[0]).as("the other save happened inside this one").isNotNull();
        DialogPane ask = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(ask.getHeaderText()).isEqualTo("marker.dwproj changed on disk");
        press(robot, ask, ButtonType.CANCEL.getText());
        assertThat(Files.readString(h.file)).as("the other's version, not replaced unasked").isEqualTo(theirs[0]);
        assertThat(h.vm.history().isDirty()).as("this window's work still open").isTrue();
        assertThat(h.vm.project().graph().require("attn").param("heads")).isEqualTo(2);
    }

    @Test
    void aFileOnlyTouchedOrWrittenAgainUnchangedIsSavedWithoutAQuestion(FxRobot robot) throws Exception {
        Files.writeString(h.file, Files.readString(h.file)); // e.g. a checkout of the same version
        Files.setLastModifiedTime(h.file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        robot.interact(() -> h.vm.setParam("attn", "heads", 2));
        save(robot);
        assertThat(robot.lookup(".dialog-pane").tryQuery()).isEmpty();
        assertThat(h.vm.history().isDirty()).isFalse();
    }
}
