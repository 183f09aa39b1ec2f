package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.io.ProjectReader;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a person typed and has not yet left is saved by Ctrl+S: a block's name or setting still being typed in the
 * inspector, as a training setting in the dock is.
 */
@ExtendWith(ApplicationExtension.class)
class TypedThenSavedUiTest {
    private WorkbenchHarness h;

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "marker.dwproj", 1280, 800);
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    @Test
    void aBlockSettingAndNameTypedInTheInspectorAreSavedByCtrlS(FxRobot robot) throws Exception {
        settled(); // the opened project's analysis and data check in: each rebuilds the inspector
        robot.interact(() -> h.vm.select("attn", false));
        WaitForAsyncUtils.waitForFxEvents();
        TextField heads = robot.lookup("#param-heads").queryAs(TextField.class);
        robot.clickOn(heads).eraseText(heads.getText().length()).write("2");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(new ProjectReader().read(h.file).graph().require("attn").params().get("heads"))
                .as("typed, not yet left, then Ctrl+S").isEqualTo(2);
        assertThat(h.stage.getTitle()).as("nothing left unsaved").doesNotContain("•");
        // the saved edit's analysis arrives after the save and rebuilds the inspector: its name field is looked up in
        // the rebuilt one (looked up before, it had been taken off the scene under the click: "null scene", now and then)
        settled();
        TextField name = robot.lookup("#inspector-name").queryAs(TextField.class);
        robot.clickOn(name).eraseText(name.getText().length()).write("Attention that finds the marker");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(new ProjectReader().read(h.file).graph().require("attn").label()).isEqualTo("Attention that finds the marker");
    }

    /**
     * Waits until the inspector is rebuilt for the last time for the current edit: the graph's analysis of this
     * revision is in, and so is the data check that follows it (it is skipped where the graph has an error).
     */
    private void settled() throws Exception {
        DockBelongsToProjectUiTest.waitFor("the edit analysed and its data checked", () -> WaitForAsyncUtils.asyncFx(() -> {
            var a = h.vm.analysisProperty().get();
            return a.revision() == h.vm.revisionProperty().get()
                    && (a.complete() || a.issues().stream().anyMatch(dev.deepwire.model.Issue::isError));
        }).get());
    }

    @Test
    void aSaveThatFailsIsNotLeftSayingSaved(FxRobot robot) throws Exception {
        robot.interact(() -> h.window.files().save());
        assertThat(h.vm.messageProperty().get()).startsWith("Saved ");
        assertThat(h.file.toFile().setWritable(false, false)).isTrue();
        try {
            robot.interact(() -> h.vm.rename("attn", "Attention kept in the window"));
            robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
            var pane = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
            assertThat(pane.getContentText()).contains("read-only");
            robot.interact(() -> ((javafx.scene.control.Button) pane.lookupButton(javafx.scene.control.ButtonType.OK)).fire());
            assertThat(h.vm.messageProperty().get()).startsWith("Not saved: marker.dwproj");
            assertThat(h.stage.getTitle()).as("the work is still open, unsaved").contains("•");
        } finally {
            h.file.toFile().setWritable(true, false);
        }
    }
}
