package dev.deepwire.ui.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.Project;
import dev.deepwire.sweep.SweepExecutor;
import dev.deepwire.sweep.SweepOutcome;
import dev.deepwire.sweep.SweepTask;
import dev.deepwire.sweep.SweepTaskBody;
import dev.deepwire.testing.SmallMarker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Sweep… window: the spec typed, the run count, a real (tiny) sweep with its runs' status, cancel, the spec kept. */
@ExtendWith(ApplicationExtension.class)
class SweepDialogUiTest {
    @TempDir
    Path dir;
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    /** Trains each task on the sweep's own thread (the workbench uses local processes); close() stops waiting. */
    private static final class InThread implements SweepExecutor {
        private final CountDownLatch hold;
        private volatile boolean closed;

        InThread(CountDownLatch hold) {
            this.hold = hold;
        }

        @Override
        public String describe() {
            return "the test's thread";
        }

        @Override
        public void run(List<SweepTask> tasks, SweepTaskBody body, Consumer<SweepOutcome> done) throws InterruptedException {
            for (SweepTask t : tasks) {
                hold.await();
                if (closed) {
                    throw new InterruptedException("cancelled");
                }
                done.accept(body.run(t));
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private SweepDialog open(SweepViewModel vm, FxRobot robot) {
        SweepDialog dialog = new SweepDialog(vm, owner);
        robot.interact(dialog::show);
        return dialog;
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void theTypedSpecIsCountedCheckedRunAndKeptForTheNextOpening(FxRobot robot) throws Exception {
        Path file = SmallMarker.file(dir, "marker.dwproj");
        Project project = new ProjectReader().read(file);
        CountDownLatch go = new CountDownLatch(1);
        SweepViewModel vm = new SweepViewModel(() -> project, () -> file, Platform::runLater, p -> new InThread(go));
        SweepDialog dialog = open(vm, robot);

        @SuppressWarnings("unchecked")
        ComboBox<String> key = robot.lookup("#sweep-key-0").queryAs(ComboBox.class);
        assertThat(key.getItems()).contains("training.learningRate", "attn.heads", "ffn.hidden");
        robot.interact(() -> key.setValue("training.learningRate"));
        robot.clickOn("#sweep-values-0").write("0.001, fast");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#sweep-plan")).isEqualTo("Learning rate \u201cfast\u201d: not a number");
        assertThat(robot.lookup("#sweep-start").queryButton().isDisabled()).isTrue();

        robot.clickOn("#sweep-values-0").eraseText(4).write("0.01");
        robot.doubleClickOn("#sweep-max-steps").write("2");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#sweep-plan")).startsWith("2 runs (2 × 1 seed)");
        assertThat(robot.lookup("#sweep-start").queryButton().isDisabled()).isFalse();

        robot.clickOn("#sweep-start");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<SweepViewModel.RunRow> runs = robot.lookup("#sweep-runs").queryAs(TableView.class);
        assertThat(dialog.stage().getScene().getFocusOwner()).as("Start greyed out: not Cancel sweep or Close, which Space would press")
                .isSameAs(runs);
        assertThat(runs.getItems()).hasSize(2).allMatch(r -> r.status().get().equals("waiting"));
        assertThat(robot.lookup("#sweep-cancel").queryButton().isDisabled()).isFalse();
        go.countDown();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(runs.getItems()).extracting(r -> r.status().get()).containsExactly("finished", "finished");
        assertThat(runs.getItems()).extracting(SweepViewModel.RunRow::settings)
                .containsExactly("Learning rate 0.001, seed 42", "Learning rate 0.01, seed 42");
        assertThat(runs.getItems()).allMatch(r -> r.figure().get().matches("\\d+\\.\\d{4}"));
        assertThat(text(robot, "#sweep-status")).contains("2 runs: 2 finished, 0 failed").contains("best validation loss");
        assertThat(robot.lookup("#sweep-progress").queryAs(javafx.scene.control.ProgressBar.class).getProgress()).isEqualTo(1.0);
        List<Double> rates = new ArrayList<>();
        try (Stream<Path> folders = Files.list(dir.resolve("runs"))) {
            for (Path run : folders.sorted().toList()) {
                JsonNode j = new ObjectMapper().readTree(run.resolve("run.json").toFile());
                assertThat(j.path("status").asText()).isEqualTo("FINISHED");
                assertThat(j.path("steps").asLong()).isEqualTo(2);
                rates.add(j.path("settings").path("learningRate").asDouble());
            }
        }
        assertThat(rates).containsExactly(0.001, 0.01);
        assertThat(project.training().learningRate()).as("a sweep is not an edit of the project").isEqualTo(0.001);

        robot.interact(() -> dialog.stage().hide());
        SweepDialog again = open(vm, robot);
        assertThat(again.stage().isShowing()).isTrue();
        assertThat(robot.lookup("#sweep-values-0").queryAs(TextField.class).getText()).isEqualTo("0.001, 0.01");
        assertThat(robot.lookup("#sweep-max-steps").queryAs(TextField.class).getText()).isEqualTo("2");
        @SuppressWarnings("unchecked")
        ComboBox<String> keyAgain = robot.lookup("#sweep-key-0").queryAs(ComboBox.class);
        assertThat(keyAgain.getEditor().getText()).isEqualTo("Learning rate");
        assertThat(vm.params().get(0).keyProperty().get()).as("the key, for the sweep's files").isEqualTo("training.learningRate");
    }

    @Test
    void settingsAreListedAndNamedAsTheWindowNamesThemNotByTheirKeys(FxRobot robot) throws Exception {
        // the list read "training.learningRate", "token_input_1.length" and a typed word "training.learningRate=try…: …"
        Path file = SmallMarker.file(dir, "marker.dwproj");
        Project project = new ProjectReader().read(file);
        String attn = project.graph().node("attn").orElseThrow().label();
        SweepViewModel vm = new SweepViewModel(() -> project, () -> file, Platform::runLater,
                p -> new InThread(new CountDownLatch(0)));
        open(vm, robot);
        @SuppressWarnings("unchecked")
        ComboBox<String> key = robot.lookup("#sweep-key-0").queryAs(ComboBox.class);
        robot.clickOn(key.lookup(".arrow-button"));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = robot.lookup(".combo-box-popup .list-cell").queryAllAs(javafx.scene.control.ListCell.class)
                .stream().map(javafx.scene.control.ListCell::getText).filter(t -> t != null).toList();
        assertThat(shown).contains("Learning rate", "Epochs", "Batch", "Tokens \u00b7 Length T")
                .noneMatch(t -> t.startsWith("training.") || t.contains("token_input"));
        assertThat(key.getItems().stream().map(key.getConverter()::toString)).contains(attn + " \u00b7 Heads");
        robot.interact(key::hide);

        robot.clickOn(key.getEditor()).write("learning rate");
        robot.clickOn("#sweep-values-0").write("try a few small and large rates");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.params().get(0).keyProperty().get()).isEqualTo("training.learningRate");
        assertThat(text(robot, "#sweep-plan"))
                .isEqualTo("Learning rate \u201ctry a few small and large rates\u201d: not a number");

        robot.interact(() -> vm.params().get(0).keyProperty().set("attn.heads"));
        robot.interact(() -> vm.params().get(0).valuesProperty().set("2, 2"));
        assertThat(key.getEditor().getText()).isEqualTo(attn + " \u00b7 Heads");
        assertThat(text(robot, "#sweep-plan")).startsWith(attn + " \u00b7 Heads").doesNotContain("attn.heads");
        robot.interact(() -> vm.params().get(0).valuesProperty().set("many, 2"));
        assertThat(text(robot, "#sweep-plan")).as("the parameter named once, by its label")
                .startsWith(attn + " \u00b7 Heads \u201cmany\u201d: must be a whole number");
    }

    @Test
    void cancelStopsTheSweepAndSaysHowToResumeIt(FxRobot robot) throws Exception {
        Path file = SmallMarker.file(dir, "marker.dwproj");
        Project project = new ProjectReader().read(file);
        CountDownLatch never = new CountDownLatch(1);
        SweepViewModel vm = new SweepViewModel(() -> project, () -> file, Platform::runLater, p -> new InThread(never));
        vm.params().get(0).keyProperty().set("attn.heads");
        vm.params().get(0).valuesProperty().set("2,4");
        open(vm, robot);
        robot.clickOn("#sweep-start");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.runningProperty().get()).isTrue();
        Button cancel = robot.lookup("#sweep-cancel").queryButton();

        robot.clickOn(cancel);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#sweep-status")).startsWith("Cancelled").contains("deepwire sweep --resume");
        assertThat(robot.lookup("#sweep-start").queryButton().isDisabled()).isFalse();
        // the resume command is shown whole (it wraps; the table gives way), and no run is left "waiting"
        Label status = robot.lookup("#sweep-status").queryAs(Label.class);
        assertThat(status.getHeight()).isGreaterThanOrEqualTo(status.prefHeight(status.getWidth()) - 0.5);
        assertThat(vm.runs()).extracting(r -> r.status().get()).noneMatch(s -> s.equals("waiting") || s.equals("running"));
    }

    @Test
    void anUnsavedProjectCannotBeSweptAndSaysWhy(FxRobot robot) throws Exception {
        Project project = new ProjectReader().read(SmallMarker.file(dir, "marker.dwproj"));
        SweepViewModel vm = new SweepViewModel(() -> project, () -> null, Platform::runLater, p -> new InThread(new CountDownLatch(0)));
        open(vm, robot);
        robot.clickOn("#sweep-values-0").write("1,2");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#sweep-plan")).contains("choose a setting");
        @SuppressWarnings("unchecked")
        ComboBox<String> key = robot.lookup("#sweep-key-0").queryAs(ComboBox.class);
        robot.interact(() -> key.setValue("attn.heads"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#sweep-plan")).startsWith("2 runs").contains("save the project first");
        assertThat(robot.lookup("#sweep-start").queryButton().isDisabled()).isTrue();
    }

    @Test
    void aProjectChangedAfterTheSpecWasCountedIsCheckedAgainOnStartAndNothingIsMade(FxRobot robot) throws Exception {
        Path file = SmallMarker.file(dir, "marker.dwproj");
        java.util.concurrent.atomic.AtomicReference<Project> inWindow =
                new java.util.concurrent.atomic.AtomicReference<>(new ProjectReader().read(file));
        SweepViewModel vm = new SweepViewModel(inWindow::get, () -> file, Platform::runLater,
                p -> new InThread(new CountDownLatch(0)));
        String attn = inWindow.get().graph().node("attn").orElseThrow().label();
        vm.params().get(0).keyProperty().set("attn.heads");
        vm.params().get(0).valuesProperty().set("2,4");
        SweepDialog dialog = open(vm, robot);
        assertThat(text(robot, "#sweep-plan")).startsWith("2 runs");
        // meanwhile, in the workbench window, the attention block is deleted (here: the window holds another graph)
        inWindow.set(new ProjectReader().read(Path.of("sample-projects/word-language.dwproj")));

        robot.clickOn("#sweep-start");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm.runningProperty().get()).isFalse();
        // it named the setting by its key ("attn.heads: the project has no block 'attn'; its blocks are …")
        assertThat(text(robot, "#sweep-status")).as("named as the window showed it, not by its key")
                .isEqualTo("Cannot start the sweep: " + attn + " \u00b7 Heads: its block is no longer in the project; "
                        + "choose another setting for these values, or clear the row");
        assertThat(dir.resolve("sweeps")).doesNotExist();
        assertThat(dir.resolve("runs")).doesNotExist();
        robot.interact(vm::replan); // as the window opens again, on the project as it is now
        assertThat(text(robot, "#sweep-status")).as("not the refusal of the project as it was").isEmpty();
        robot.interact(() -> dialog.stage().hide());
        open(vm, robot);
        @SuppressWarnings("unchecked")
        ComboBox<String> key = robot.lookup("#sweep-key-0").queryAs(ComboBox.class);
        assertThat(key.getEditor().getText()).as("the kept row, opened again").isEqualTo(attn + " \u00b7 Heads");
        assertThat(key.getItems()).as("not offered: the block is gone").doesNotContain("attn.heads");
        assertThat(text(robot, "#sweep-plan")).startsWith(attn + " \u00b7 Heads: its block is no longer in the project");
    }

    @Test
    void dataOutsideTheProjectsFolderIsReadOnceTheWindowsConsentAgrees(FxRobot robot) throws Exception {
        // the Sweep window had no way to read data the project keeps elsewhere: it now asks as Train does
        Path file = SmallMarker.file(dir, "marker.dwproj");
        Project project = new ProjectReader().read(file);
        Path elsewhere = java.nio.file.Files.writeString(java.nio.file.Files.createTempDirectory("deepwire-elsewhere")
                .resolve("words.tsv"), "haus\tgerman\n");
        project.setDataset(new dev.deepwire.model.DatasetSpec("text-classes", java.util.Map.of("file", elsewhere.toString())));
        CountDownLatch go = new CountDownLatch(1);
        SweepViewModel vm = new SweepViewModel(() -> project, () -> file, Platform::runLater, p -> new InThread(go));
        SweepDialog dialog = open(vm, robot);
        @SuppressWarnings("unchecked")
        ComboBox<String> key = robot.lookup("#sweep-key-0").queryAs(ComboBox.class);
        robot.interact(() -> key.setValue("training.learningRate"));
        robot.clickOn("#sweep-values-0").write("0.001, 0.01");
        WaitForAsyncUtils.waitForFxEvents();
        java.util.List<Path> asked = new java.util.ArrayList<>();
        vm.setDataConsent((spec, folder) -> {
            asked.add(folder);
            return "words.tsv lies outside the project's folder"; // the person said no
        });
        robot.interact(() -> assertThat(vm.start()).isFalse());
        assertThat(text(robot, "#sweep-status")).contains("its runs read the data only when you agree");
        assertThat(asked).containsExactly(dir);
        vm.setDataConsent((spec, folder) -> null); // yes
        robot.interact(() -> assertThat(vm.start()).as("started once agreed").isTrue());
        robot.interact(vm::cancel);
        go.countDown();
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        robot.interact(() -> dialog.stage().close());
    }

    /** A memory of specs of its own, in a preferences node no other test (nor the user) has. */
    private static SweepSpecMemory memory(java.util.prefs.Preferences node) {
        return new SweepSpecMemory(node);
    }

    private static java.util.prefs.Preferences scratchNode() {
        return java.util.prefs.Preferences.userRoot().node("dev/deepwire/test-sweep-" + System.nanoTime());
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
