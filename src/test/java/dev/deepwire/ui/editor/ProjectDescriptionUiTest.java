package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A new project can be given a description ("About …"), typed as sentences, kept by OK, undone by Undo. */
@ExtendWith(ApplicationExtension.class)
class ProjectDescriptionUiTest {
    private EditorViewModel vm;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new EditorViewModel(BlockCatalog.standard(), new Project("lesson", "", new Graph(), null,
                TrainingSettings.defaults()), Runnable::run, Runnable::run);
        stage.setScene(new Scene(new Inspector(vm), 320, 500));
        stage.show();
    }

    @AfterEach
    void closeDialogs() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide)).get();
    }

    @Test
    void aNewProjectIsDescribedInSentencesAndUndoTakesTheDescriptionBack(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#project-description").queryAs(Label.class).getText()).isEqualTo("No description yet.");
        assertThat(robot.lookup("#project-describe").queryButton().getText()).isEqualTo("Describe this project…");
        Dialog<String> dialog = WaitForAsyncUtils.asyncFx(() -> DescriptionDialog.create(stage, "lesson", "")).get();
        robot.interact(dialog::show);
        robot.clickOn("#project-description-text").write("Which language is a word from? We train on letters, then look at attention.");
        robot.clickOn((javafx.scene.Node) dialog.getDialogPane().lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        String typed = dialog.getResult();
        assertThat(typed).isEqualTo("Which language is a word from? We train on letters, then look at attention.");
        robot.interact(() -> vm.setDescription(typed));
        assertThat(vm.project().description()).isEqualTo(typed);
        assertThat(vm.canUndoProperty().get()).as("an edit in the history").isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#project-description").queryAs(Label.class).getText()).isEqualTo(typed);
        assertThat(robot.lookup("#project-describe").queryButton().getText()).isEqualTo("Edit the description…");
        robot.interact(vm::undo);
        assertThat(vm.project().description()).isEmpty();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#project-description").queryAs(Label.class).getText()).isEqualTo("No description yet.");
    }

    @Test
    void aDescriptionIsKeptWithCtrlEnterAndTabGoesOnToTheButtons(FxRobot robot) throws Exception {
        Dialog<String> dialog = WaitForAsyncUtils.asyncFx(() -> DescriptionDialog.create(stage, "lesson", "")).get();
        robot.interact(dialog::show);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#project-description-text").write("Letters in, a language out.");
        robot.type(javafx.scene.input.KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node owner = WaitForAsyncUtils.asyncFx(() -> dialog.getDialogPane().getScene().getFocusOwner()).get();
        assertThat(owner).as("Tab goes on to the buttons, not a tab character in the text").isInstanceOf(javafx.scene.control.Button.class);
        robot.interact(() -> dialog.getDialogPane().lookup("#project-description-text").requestFocus());
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.ENTER).release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.isShowing()).as("Ctrl+Enter is OK").isFalse();
        assertThat(dialog.getResult()).isEqualTo("Letters in, a language out.");
    }

    @Test
    void theAboutHeadingShowsASamplesWholeNameInTheNarrowPanel(FxRobot robot) {
        // the panel as wide as the workbench gives it at first (a 1024 x 700 screen), the longest sample's name, and a
        // description as long as the samples' (the panel scrolls: its bar takes part of the width)
        String description = "Per-triple scoring with sampled negatives, as the seed trains. ".repeat(20);
        EditorViewModel sample = new EditorViewModel(BlockCatalog.standard(), new Project("wordnet-links-distmult",
                description, new Graph(), null, TrainingSettings.defaults()), Runnable::run, Runnable::run);
        robot.interact(() -> {
            Scene scene = new Scene(new Inspector(sample), 240, 500);
            scene.getStylesheets().add(getClass().getResource("/dev/deepwire/ui/workbench.css").toExternalForm());
            stage.setScene(scene);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label heading = robot.lookup("#project-about").queryAs(Label.class);
        assertThat(heading.getText()).isEqualTo("About wordnet-links-distmult");
        String drawn = robot.from(heading).lookup(".text").queryAs(javafx.scene.text.Text.class).getText();
        assertThat(drawn).as("the heading as drawn").isEqualTo("About wordnet-links-distmult");
    }
}
