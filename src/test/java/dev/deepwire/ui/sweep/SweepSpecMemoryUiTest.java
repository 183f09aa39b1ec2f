package dev.deepwire.ui.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.Project;
import dev.deepwire.testing.SmallMarker;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Sweep… window remembers the spec typed for each project file: a fresh one for another project, the same after a
 * restart, and one too large is said at once not to be remembered.
 */
@ExtendWith(ApplicationExtension.class)
class SweepSpecMemoryUiTest extends SweepDialogUiSetUp {
    @Start
    void start(Stage stage) {
        setUp(stage);
    }

    @Test
    void anotherProjectInTheWindowStartsWithAFreshSpec(FxRobot robot) throws Exception {
        // The spec typed for one project came back in the Sweep… window after another was opened, its rows naming
        // blocks the new project does not have.
        java.util.prefs.Preferences node = scratchNode();
        Path file = SmallMarker.file(dir, "marker.dwproj");
        Path other = dir.resolve("word-language.dwproj");
        java.nio.file.Files.copy(Path.of("sample-projects/word-language.dwproj"), other);
        java.util.concurrent.atomic.AtomicReference<Project> inWindow =
                new java.util.concurrent.atomic.AtomicReference<>(new ProjectReader().read(file));
        java.util.concurrent.atomic.AtomicReference<Path> fileInWindow = new java.util.concurrent.atomic.AtomicReference<>(file);
        robot.interact(() -> SweepDialog.showFor(owner, inWindow::get, fileInWindow::get, null, memory(node)));
        robot.clickOn("#sweep-values-0").write("0.001, 0.01");
        robot.interact(() -> ((SweepDialog) owner.getProperties().get(SweepDialog.class)).stage().hide());
        robot.interact(() -> SweepDialog.showFor(owner, inWindow::get, fileInWindow::get, null, memory(node)));
        assertThat(robot.lookup("#sweep-values-0").queryAs(javafx.scene.control.TextField.class).getText())
                .as("the same project: the spec kept").isEqualTo("0.001, 0.01");
        robot.interact(() -> ((SweepDialog) owner.getProperties().get(SweepDialog.class)).stage().hide());

        inWindow.set(new ProjectReader().read(other)); // File ▸ Open
        fileInWindow.set(other);
        robot.interact(() -> SweepDialog.showFor(owner, inWindow::get, fileInWindow::get, null, memory(node)));
        assertThat(robot.lookup("#sweep-values-0").queryAs(javafx.scene.control.TextField.class).getText())
                .as("another project: a fresh spec").isEmpty();
        robot.interact(() -> ((SweepDialog) owner.getProperties().remove(SweepDialog.class)).stage().hide());
        node.removeNode();
    }

    /**
     * A sweep set up, the window quit (its Sweep… window gone with it) and the project opened again: the spec comes
     * back as typed — each row, the seeds and the step limit. It had been kept only while the window lived.
     */
    @Test
    void theSpecTypedForAProjectFileComesBackAfterARestart(FxRobot robot) throws Exception {
        java.util.prefs.Preferences node = scratchNode();
        Path file = SmallMarker.file(dir, "marker.dwproj");
        Project project = new ProjectReader().read(file);
        robot.interact(() -> SweepDialog.showFor(owner, () -> project, () -> file, null, memory(node)));
        SweepDialog first = (SweepDialog) owner.getProperties().get(SweepDialog.class);
        robot.clickOn("#sweep-values-0").write("0.001, 0.01");
        robot.interact(() -> {
            first.viewModel().params().get(0).keyProperty().set("training.learningRate");
            first.viewModel().seedsProperty().set(3);
            first.viewModel().maxStepsProperty().set(40L);
        });
        robot.interact(() -> ((SweepDialog) owner.getProperties().remove(SweepDialog.class)).stage().close()); // quit

        Project reopened = new ProjectReader().read(file); // the next start: another window, the same file
        robot.interact(() -> SweepDialog.showFor(owner, () -> reopened, () -> file, null, memory(node)));
        SweepDialog again = (SweepDialog) owner.getProperties().get(SweepDialog.class);
        assertThat(again).isNotSameAs(first);
        SweepViewModel vm = again.viewModel();
        assertThat(WaitForAsyncUtils.asyncFx(() -> vm.params().get(0).keyProperty().get() + " = "
                + vm.params().get(0).valuesProperty().get()).get()).isEqualTo("training.learningRate = 0.001, 0.01");
        assertThat(robot.lookup("#sweep-values-0").queryAs(javafx.scene.control.TextField.class).getText())
                .as("shown in the window").isEqualTo("0.001, 0.01");
        assertThat(WaitForAsyncUtils.asyncFx(() -> vm.seedsProperty().get() + " seeds, " + vm.maxStepsProperty().get()
                + " steps: " + vm.planProperty().get()).get()).startsWith("3 seeds, 40 steps: 6 runs");
        robot.interact(() -> ((SweepDialog) owner.getProperties().remove(SweepDialog.class)).stage().close());
        node.removeNode();
    }
    /**
     * A spec over 8 KB (a preference's most): it was not remembered, without a word, and the shorter spec remembered
     * before it came back instead. Now one up to 64 K characters comes back as typed; a longer one is said at once
     * not to be remembered, and no earlier spec comes back in its place.
     */
    @Test
    void aSpecOver8KbComesBackOrIsSaidAtOnceNotToBeRemembered(FxRobot robot) throws Exception {
        java.util.prefs.Preferences node = scratchNode();
        Path file = SmallMarker.file(dir, "marker.dwproj");
        Project project = new ProjectReader().read(file);
        String longValues = "0.001, ".repeat(3000) + "0.01"; // 21,004 characters
        robot.interact(() -> SweepDialog.showFor(owner, () -> project, () -> file, null, memory(node)));
        SweepViewModel first = ((SweepDialog) owner.getProperties().get(SweepDialog.class)).viewModel();
        robot.interact(() -> {
            first.params().get(0).keyProperty().set("training.learningRate");
            first.params().get(0).valuesProperty().set("0.5"); // remembered first
            first.params().get(0).valuesProperty().set(longValues);
        });
        assertThat(WaitForAsyncUtils.asyncFx(() -> first.memoryNoteProperty().get()).get()).isEmpty();
        robot.interact(() -> ((SweepDialog) owner.getProperties().remove(SweepDialog.class)).stage().close());
        robot.interact(() -> SweepDialog.showFor(owner, () -> project, () -> file, null, memory(node)));
        SweepViewModel again = ((SweepDialog) owner.getProperties().get(SweepDialog.class)).viewModel();
        String back = WaitForAsyncUtils.asyncFx(() -> again.params().get(0).valuesProperty().get()).get();
        assertThat(back.equals(longValues)).as("the long spec came back as typed, not %s (%d characters)",
                back.length() > 40 ? back.substring(0, 40) + "…" : back, back.length()).isTrue();

        String tooLong = "0.001, ".repeat(SweepSpecMemory.MOST_CHARS / 7 + 10);
        robot.interact(() -> again.params().get(0).valuesProperty().set(tooLong));
        assertThat(robot.lookup("#sweep-memory-note").queryAs(javafx.scene.control.Label.class))
                .satisfies(l -> assertThat(WaitForAsyncUtils.asyncFx(() -> l.isVisible() + " " + l.getText()).get())
                        .startsWith("true This spec (").contains("will not come back"));
        robot.interact(() -> ((SweepDialog) owner.getProperties().remove(SweepDialog.class)).stage().close());
        robot.interact(() -> SweepDialog.showFor(owner, () -> project, () -> file, null, memory(node)));
        SweepViewModel third = ((SweepDialog) owner.getProperties().get(SweepDialog.class)).viewModel();
        assertThat(WaitForAsyncUtils.asyncFx(() -> third.params().get(0).valuesProperty().get()).get())
                .as("no earlier spec in its place").isEmpty();
        robot.interact(() -> ((SweepDialog) owner.getProperties().remove(SweepDialog.class)).stage().close());
        node.removeNode();
    }
}
