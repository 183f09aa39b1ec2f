package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.DatasetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import dev.deepwire.data.DataPaths;
import dev.deepwire.data.DataPaths.Outside;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Inspecting a kept run's model reads the project's data: a file outside the project's folder is read only after the
 * window's one consent (Train's), as Train reads it — it had been read without a question.
 */
@ExtendWith(ApplicationExtension.class)
class OutsideDataConsentUiTest {
    private WorkbenchHarness h;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        h = new WorkbenchHarness(stage, "marker.dwproj", 1280, 800);
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    @Test
    void inspectingAKeptModelAsksBeforeReadingDataOutsideTheFolder(FxRobot robot) throws Exception {
        Path secret = Files.writeString(Files.createDirectories(h.dir.resolveSibling(h.dir.getFileName() + "-elsewhere"))
                .resolve("creds.csv"), "sk-live-secret,1\n");
        List<String> asked = new ArrayList<>();
        robot.interact(() -> {
            h.training.data().setOutsideConfirmation(m -> {
                asked.add(m.message());
                return false;
            });
            h.vm.setDataset(new DatasetSpec("csv", Map.of("file", secret.toString(), "classes", 2)));
        });
        var inspected = WaitForAsyncUtils.asyncFx(() -> h.window.inspectSavedModel(stage, h.dir.resolve("model.zip")))
                .get().get(30, TimeUnit.SECONDS);
        assertThat(inspected).isNull();
        assertThat(asked).singleElement().asString().contains("creds.csv");
        assertThat(h.vm.messageProperty().get()).startsWith("Not inspected: ").doesNotContain("sk-live");
    }

    @Test
    void agreeingToReadOutsideDataChecksItAgainstTheGraphAtOnce(FxRobot robot) throws Exception {
        // Found restoring an unsaved project whose CSV lay elsewhere: Yes at Train, the run failed on a size mismatch,
        // but the badges kept "read once you agree at Train", with no mismatch and no quick fix on the block.
        Path csv = Files.writeString(Files.createDirectories(h.dir.resolveSibling(h.dir.getFileName() + "-data"))
                .resolve("pairs.csv"), "1,2,0\n3,4,1\n5,6,0\n7,8,1\n");
        DatasetSpec spec = new DatasetSpec("csv", Map.of("file", csv.toString(), "classes", 2, "header", false));
        robot.interact(() -> {
            h.training.data().setOutsideConfirmation(m -> true);
            h.vm.setDataset(spec);
        });
        DockBelongsToProjectUiTest.waitFor("the data check has run", () -> dataChecked()
                && messages().stream().anyMatch(m -> m.contains("lies outside")));
        String refused = WaitForAsyncUtils.asyncFx(() -> h.training.data().refusal(spec, h.training.data().folder().get()))
                .get(10, TimeUnit.SECONDS);
        assertThat(refused).as("agreed").isNull();
        DockBelongsToProjectUiTest.waitFor("the agreed data is checked against the graph", () -> dataChecked()
                && messages().stream().noneMatch(m -> m.contains("lies outside")));
        assertThat(messages()).anyMatch(m -> m.contains("the dataset's sequences have length 2"));
    }

    @Test
    void restoredUnsavedWorkReadsTheDataTheUserAgreedToAndAsksAboutOtherDataNamingNoProjectFolder(FxRobot robot)
            throws Exception {
        // Found restoring an unsaved project after a crash: the file the user had agreed to was asked about again, and
        // the question called DeepWire's own folder (~/.deepwire) "the project's folder".
        Path elsewhere = Files.createDirectories(h.dir.resolveSibling(h.dir.getFileName() + "-restored"));
        Path agreed = Files.writeString(elsewhere.resolve("pairs.csv"), "1,2,0\n3,4,1\n");
        Path other = Files.writeString(elsewhere.resolve("other.csv"), "1,2,0\n3,4,1\n");
        var project = new dev.deepwire.io.ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        project.setDataset(new DatasetSpec("csv", Map.of("file", agreed.toString(), "classes", 2)));
        var copies = h.dir.resolve("crashed");
        var crashed = new dev.deepwire.io.files.Autosave(copies, "session-9");
        crashed.write(project, null, List.of(agreed));
        crashed.abandon();
        var recovered = dev.deepwire.io.files.Autosave.leftBehind(copies).get(0);
        List<String> asked = new ArrayList<>();
        robot.interact(() -> {
            h.training.data().setOutsideConfirmation(m -> {
                asked.add(m.message());
                return false;
            });
            h.window.files().restore(recovered);
        });
        var data = h.training.data();
        Path folder = data.folder().get();
        assertThat(WaitForAsyncUtils.asyncFx(() -> data.refusal(h.vm.project().dataset(), folder)).get(10, TimeUnit.SECONDS))
                .as("agreed before the crash").isNull();
        DatasetSpec brought = new DatasetSpec("csv", Map.of("file", other.toString(), "classes", 2));
        assertThat(WaitForAsyncUtils.asyncFx(() -> data.refusal(brought, folder)).get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(asked).singleElement().asString().contains("not saved yet")
                .doesNotContain("the project's folder " + folder);
    }

    private boolean dataChecked() {
        return h.vm.analysisProperty().get().complete() && h.vm.analysisProperty().get().revision() == h.vm.revisionProperty().get();
    }

    private List<String> messages() {
        return h.vm.analysisProperty().get().issues().stream().map(dev.deepwire.model.Issue::message).toList();
    }

    @Test
    void theQuestionAnswersNoWhenEnterIsPressed(FxRobot robot) throws Exception {
        var ask = WaitForAsyncUtils.asyncFx(() -> WorkbenchWindow.outsideDataQuestion(outside("../x.csv"))).get();
        javafx.scene.control.Button yes = (javafx.scene.control.Button) ask.getDialogPane().lookupButton(javafx.scene.control.ButtonType.YES);
        javafx.scene.control.Button no = (javafx.scene.control.Button) ask.getDialogPane().lookupButton(javafx.scene.control.ButtonType.NO);
        assertThat(no.isDefaultButton()).as("Enter answers No (it had answered Yes and read the file)").isTrue();
        assertThat(yes.isDefaultButton()).isFalse();
    }

    @Test
    void theQuestionShowsWhereTheDataLeadsOnALineOfItsOwn(FxRobot robot) throws Exception {
        // Found at a stop: the path sat inside the wrapped sentence and broke mid-name, as the recovery question's had
        String deep = "../" + "a-rather-long-folder-name/".repeat(6) + "the-data-file.csv";
        var ask = WaitForAsyncUtils.asyncFx(() -> WorkbenchWindow.outsideDataQuestion(outside(deep))).get();
        var labels = WaitForAsyncUtils.asyncFx(() -> ask.getDialogPane().getContent().lookupAll(".label").stream()
                .map(n -> (javafx.scene.control.Label) n).toList()).get();
        var pathLine = labels.stream().filter(l -> l.getText().contains("the-data-file.csv")).toList();
        assertThat(pathLine).as("the file on one line of its own, not wrapped").singleElement()
                .satisfies(l -> assertThat(l.isWrapText()).isFalse());
        assertThat(labels).filteredOn(l -> l != pathLine.get(0)).extracting(javafx.scene.control.Label::getText)
                .as("the sentences around it name the setting, not the path").anyMatch(t -> t.contains("Dataset Settings"))
                .noneMatch(t -> t.contains("a-rather-long-folder-name"));
    }

    @Test
    void theQuestionSaysWhyEarlierAgreementsAreNotUsed(FxRobot robot) throws Exception {
        // A data-consent file too large to read (or a device there) is skipped: the question says so, naming the file
        String why = "/home/u/.deepwire/data-consent.tsv is 1 GB; the limit for a data-consent file is 4 MB";
        var ask = WaitForAsyncUtils.asyncFx(() -> WorkbenchWindow.outsideDataQuestion(outside("../x.csv"), why)).get();
        var texts = WaitForAsyncUtils.asyncFx(() -> ask.getDialogPane().getContent().lookupAll(".label").stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList()).get();
        assertThat(texts).anyMatch(t -> t.contains(why) && t.contains("asked again"));
    }

    private Outside outside(String name) {
        try {
            return DataPaths.outside(new DatasetSpec("csv", Map.of("file", name, "classes", 2)), h.dir).orElseThrow();
        } catch (dev.deepwire.data.DataException e) {
            throw new AssertionError(e);
        }
    }
}
