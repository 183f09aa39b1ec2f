package dev.deepwire.ui.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.Project;
import dev.deepwire.testing.SmallMarker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Sweep… window: the spec typed, the run count, a real (tiny) sweep with its runs' status, cancel, the spec kept. */
@ExtendWith(ApplicationExtension.class)
class SweepDialogUiTest extends SweepDialogUiSetUp {
    @Start
    void start(Stage stage) {
        setUp(stage);
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
}
