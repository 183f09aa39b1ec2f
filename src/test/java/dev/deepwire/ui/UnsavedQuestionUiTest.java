package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.testing.SmallMarker;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The question before unsaved work gives way says which work and what is about to happen, as a person reads it: a new
 * project being replaced by another one opened had been asked about as "Save changes to untitled before closing it?".
 */
@ExtendWith(ApplicationExtension.class)
class UnsavedQuestionUiTest {
    private WorkbenchHarness h;

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "marker.dwproj", 1024, 700);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private DialogPane asked() {
        WaitForAsyncUtils.waitForFxEvents();
        return new FxRobot().lookup(".dialog-pane").queryAs(DialogPane.class);
    }

    private static void cancel(DialogPane ask) {
        Platform.runLater(() -> ((Button) ask.lookupButton(ButtonType.CANCEL)).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void openingAProjectOverANewUnsavedOneAsksAboutTheNewProjectAndNamesWhatIsOpened(FxRobot robot) throws Exception {
        Path other = SmallMarker.otherLesson(h.dir);
        robot.interact(() -> h.window.files().newProject()); // marker is unchanged: nothing asked
        robot.interact(() -> h.vm.addBlock("token_input", 40, 40)); // the new project's first block, unsaved
        Platform.runLater(() -> h.window.files().openAsking(other)); // as a drop on the window and Open Recent do
        DialogPane ask = asked();
        assertThat(ask.getContentText()).isEqualTo("Save the new, unsaved project before opening other lesson.dwproj?");
        cancel(ask);
        assertThat(h.vm.graph().nodes()).as("Cancel keeps the new project").hasSize(1);

        robot.interact(() -> h.vm.project().setName("My first network"));
        Platform.runLater(() -> h.window.files().newProject());
        ask = asked();
        assertThat(ask.getContentText()).isEqualTo("Save the new, unsaved project “My first network” before starting a new project?");
        cancel(ask);
    }

    @Test
    void closingASavedProjectNamesItsFileAndQuittingSaysSo(FxRobot robot) {
        robot.interact(() -> h.vm.setParam("attn", "heads", 2));
        Platform.runLater(() -> OpenWindows.quit(h.stage));
        DialogPane ask = asked();
        assertThat(ask.getContentText()).isEqualTo("Save the changes to marker.dwproj before quitting DeepWire?");
        cancel(ask);
        assertThat(h.stage.isShowing()).isTrue();
    }
}
