package dev.deepwire.ui;

import dev.deepwire.data.DatasetLoader;

import dev.deepwire.testing.ScratchDirs;
import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.io.files.Autosave;
import dev.deepwire.io.files.RecentFiles;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.Project;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.training.TrainingViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Edit ▸ Dataset Settings: Check loads the chosen data and reports counts, or the problem with its line. */
@ExtendWith(ApplicationExtension.class)
class DatasetDialogUiTest {
    private EditorViewModel vm;
    private WorkbenchWindow window;
    private TrainingViewModel training;
    private Stage stage;
    private Preferences prefs;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = ScratchDirs.create("deepwire-dataset-ui");
        Project p = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        prefs = Preferences.userRoot().node("dev/deepwire/test-dataset-" + System.nanoTime());
        vm = new EditorViewModel(BlockCatalog.standard(), p, Runnable::run, Runnable::run);
        training = new TrainingViewModel(vm, Runnable::run, Runnable::run, Runnable::run, () -> dir.resolve("runs"));
        window = new WorkbenchWindow(stage, vm, dir.resolve("p.dwproj"), new RecentFiles(prefs),
                new Autosave(dir.resolve("autosave"), "d"), training);
        stage.setScene(new Scene(window.root(), 1200, 800));
        stage.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        prefs.removeNode();
    }

    /** The dialog shown, set to the digits CSV (copied into the project's folder) with its 10 classes. */
    private Dialog<DatasetSpec> openOnDigitsCsv(FxRobot robot) throws Exception {
        Files.copy(Path.of("sample-projects/data/digits.csv.gz"), dir.resolve("digits.csv.gz"));
        Dialog<DatasetSpec> dialog = WaitForAsyncUtils.asyncFx(() -> window.datasetDialog(stage)).get();
        robot.interact(dialog::show);
        @SuppressWarnings("unchecked")
        ComboBox<String> kind = robot.lookup("#dataset-kind").queryAs(ComboBox.class);
        robot.interact(() -> {
            kind.setValue("csv");
            robot.lookup("#dataset-file").queryTextInputControl().setText("digits.csv.gz");
            robot.lookup("#dataset-classes").queryTextInputControl().setText("10");
        });
        return dialog;
    }

    @Test
    void checkReportsCountsOrTheBadLineAndOkSetsTheDataset(FxRobot robot) throws Exception {
        Files.writeString(dir.resolve("words.tsv"), "haus\tgerman\nmaison\tfrench\nhouse english\n");
        Dialog<DatasetSpec> dialog = WaitForAsyncUtils.asyncFx(() -> window.datasetDialog(stage)).get();
        robot.interact(dialog::show);
        @SuppressWarnings("unchecked")
        ComboBox<String> kind = robot.lookup("#dataset-kind").queryAs(ComboBox.class);
        robot.interact(() -> {
            kind.setValue("text-classes");
            robot.lookup("#dataset-file").queryTextInputControl().setText("words.tsv");
            robot.lookup("#dataset-length").queryTextInputControl().setText("8");
        });
        robot.clickOn("Check");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#dataset-result").queryLabeled().getText().startsWith("Problem"));
        assertThat(robot.lookup("#dataset-result").queryLabeled().getText()).contains("words.tsv line 3");
        robot.interact(() -> robot.lookup("#dataset-file").queryTextInputControl()
                .setText(Path.of("sample-projects/data/word-language.tsv").toAbsolutePath().toString()));
        robot.clickOn("Check");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#dataset-result").queryLabeled().getText().contains("training"));
        assertThat(robot.lookup("#dataset-result").queryLabeled().getText())
                .startsWith("16,000 training and 2,000 validation examples, 2,000 test\nDoes not fit the graph");
        @SuppressWarnings("unchecked")
        ComboBox<String> tokens = robot.lookup("#dataset-tokens").queryAs(ComboBox.class);
        assertThat(tokens.getItems()).as("a choice, not free text").containsExactly("chars", "words");
        robot.interact(() -> tokens.setValue("words"));
        robot.clickOn((Node) dialog.getDialogPane().lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.getResult().kind()).isEqualTo("text-classes");
        assertThat(dialog.getResult().params()).containsEntry("length", 8L).containsEntry("tokens", "words");
    }

    @Test
    void checkNamesAMisspeltSettingAndOkWithNothingChangedChangesNothing(FxRobot robot) throws Exception {
        var spec = vm.project().dataset();
        var params = new java.util.LinkedHashMap<>(spec.params());
        params.put("vocabluary", 40);
        robot.interact(() -> vm.project().setDataset(new DatasetSpec(spec.kind(), params)));
        long before = vm.revisionProperty().get();
        Dialog<DatasetSpec> dialog = WaitForAsyncUtils.asyncFx(() -> window.datasetDialog(stage)).get();
        robot.interact(dialog::show);
        robot.clickOn("Check");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#dataset-result").queryLabeled().getText().contains("training"));
        assertThat(robot.lookup("#dataset-result").queryLabeled().getText())
                .contains("Warning: dataset.vocabluary: not a setting of a marker dataset")
                .contains("did you mean \"vocabulary\"?");
        WaitForAsyncUtils.waitForFxEvents();
        var result = robot.lookup("#dataset-result").queryLabeled();
        assertThat(result.getHeight()).as("every line shown, the warning too")
                .isGreaterThanOrEqualTo(result.prefHeight(result.getWidth()) - 1);
        robot.clickOn((Node) dialog.getDialogPane().lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.getResult()).as("the same settings, the same kinds of numbers").isEqualTo(vm.project().dataset());
        assertThat(DatasetDialog.labelled("dataset.classes must be a number; check dataset.file"))
                .isEqualTo("'Classes' must be a number; check 'File'");
        assertThat(vm.revisionProperty().get()).isEqualTo(before);
    }

    @Test
    void everySettingOfEachKindHasAFieldAndAChangedCountReachesTheData(FxRobot robot) throws Exception {
        Dialog<DatasetSpec> dialog = WaitForAsyncUtils.asyncFx(() -> window.datasetDialog(stage)).get();
        robot.interact(dialog::show);
        // marker: its vocabulary and example counts were kept in the file but had no field
        assertThat(robot.lookup("#dataset-vocabulary").queryTextInputControl().getText()).isEqualTo("32");
        assertThat(robot.lookup("#dataset-train").queryTextInputControl().getText()).isEqualTo("20000");
        assertThat(robot.lookup("#dataset-validation-count").queryTextInputControl().getText()).isEqualTo("2000");
        for (String kindName : DatasetLoader.SETTINGS.keySet()) {
            @SuppressWarnings("unchecked")
            ComboBox<String> kind = robot.lookup("#dataset-kind").queryAs(ComboBox.class);
            robot.interact(() -> kind.setValue(kindName));
            long shown = robot.lookup((Node n) -> n.getId() != null && n.getId().startsWith("dataset-")
                    && !n.getId().equals("dataset-kind") && !n.getId().equals("dataset-result") && n.isVisible()
                    && n.getParent() != null && n.getParent().isVisible()).queryAll().size();
            assertThat(shown).as("a field for each setting of %s", kindName)
                    .isEqualTo(DatasetLoader.SETTINGS.get(kindName).size());
        }
        @SuppressWarnings("unchecked")
        ComboBox<String> kind = robot.lookup("#dataset-kind").queryAs(ComboBox.class);
        robot.interact(() -> {
            kind.setValue("marker");
            robot.lookup("#dataset-train").queryTextInputControl().setText("3000");
            robot.lookup("#dataset-validation-count").queryTextInputControl().setText("500");
        });
        robot.clickOn("Check");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#dataset-result").queryLabeled().getText().contains("training"));
        assertThat(robot.lookup("#dataset-result").queryLabeled().getText()).startsWith("3,000 training and 500 validation examples");
        robot.clickOn((Node) dialog.getDialogPane().lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.getResult().params()).containsEntry("train", 3000L).containsEntry("validation", 500L)
                .containsEntry("vocabulary", 32);
    }

    @Test
    void anAgreementToReadDataOutsideTheFolderIsForgottenFromDatasetSettings(FxRobot robot) throws Exception {
        // Found at a stop: the remembered consent (ADR 0016) could be taken back only by editing the .tsv by hand.
        Path outside = Files.writeString(ScratchDirs.create("deepwire-outside").resolve("words.tsv"), "haus\tgerman\n");
        var consents = new dev.deepwire.io.files.DataConsents(dir.resolve("home/.deepwire/data-consent.tsv"));
        Path project = WaitForAsyncUtils.asyncFx(training::projectFile).get();
        assertThat(project).as("the window's project is saved").isNotNull();
        DatasetSpec spec = new DatasetSpec("text-classes", java.util.Map.of("file", outside.toString()));
        robot.interact(() -> {
            training.data().setRemembered(consents);
            vm.project().setDataset(spec);
        });
        consents.remember(project, outside);
        assertThat(WaitForAsyncUtils.asyncFx(() -> training.data().readableWithoutAsking(spec, training.data().folder().get()))
                .get()).as("agreed in an earlier session").isTrue();

        Dialog<DatasetSpec> dialog = WaitForAsyncUtils.asyncFx(() -> window.datasetDialog(stage)).get();
        robot.interact(dialog::show);
        Node forget = robot.lookup("#dataset-forget-agreement").query();
        assertThat(forget.isVisible()).as("offered beside the data path").isTrue();
        robot.clickOn(forget);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Forget");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(consents.agreed(project, outside)).as("gone from the user's settings").isFalse();
        assertThat(WaitForAsyncUtils.asyncFx(() -> training.data().readableWithoutAsking(spec, training.data().folder().get()))
                .get()).as("the next read asks again").isFalse();
        assertThat(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#dataset-result").queryLabeled().getText()).get())
                .contains("asks before it reads words.tsv again");
        assertThat(WaitForAsyncUtils.asyncFx(forget::isVisible).get()).as("nothing left to forget").isFalse();
        robot.clickOn((Node) dialog.getDialogPane().lookupButton(ButtonType.CANCEL));
    }

    @Test
    void checkSaysToUntickTheHeaderTickBoxNotToSetItToFalse(FxRobot robot) throws Exception {
        // Found at a stop: the warning said "set 'Header' to false" where Header is a tick box
        Dialog<DatasetSpec> dialog = openOnDigitsCsv(robot);
        robot.clickOn("Check");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#dataset-result").queryLabeled().getText().contains("Warning"));
        String said = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#dataset-result").queryLabeled().getText()).get();
        assertThat(said).contains("untick Header if it is the first example").doesNotContain("to false")
                .doesNotContain("dataset.header");
        robot.clickOn((Node) dialog.getDialogPane().lookupButton(ButtonType.CANCEL));
    }

    @Test
    void checkSaysWhetherTheDataFitsTheGraphBeforeOk(FxRobot robot) throws Exception {
        // Found at a stop: Check said only that the data loads; a wrong class count was flagged only after OK
        Dialog<DatasetSpec> dialog = WaitForAsyncUtils.asyncFx(() -> window.datasetDialog(stage)).get();
        robot.interact(dialog::show);
        // the marker's 40 symbols: 40 classes, where the graph's output has 32
        robot.interact(() -> robot.lookup("#dataset-vocabulary").queryTextInputControl().setText("40"));
        robot.clickOn("Check");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#dataset-result").queryLabeled().getText().contains("graph"));
        String said = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#dataset-result").queryLabeled().getText()).get();
        assertThat(said).contains("Does not fit the graph").contains("Set Classes to 40 in the block inspector after OK")
                .doesNotContain("then Train");
        long before = vm.revisionProperty().get();
        assertThat(vm.project().dataset().params()).as("nothing set yet: it was only checked").doesNotContainEntry("vocabulary", 40);

        robot.interact(() -> robot.lookup("#dataset-vocabulary").queryTextInputControl().setText("32"));
        robot.clickOn("Check");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#dataset-result").queryLabeled().getText().contains("Fits"));
        assertThat(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#dataset-result").queryLabeled().getText()).get())
                .contains("Fits the graph");
        assertThat(vm.revisionProperty().get()).isEqualTo(before);
        robot.clickOn((Node) dialog.getDialogPane().lookupButton(ButtonType.CANCEL));
    }

    @Test
    void aSentenceTypedInClassesIsRefusedInTheDialogNotAtTrain(FxRobot robot) throws Exception {
        // Found at 1024 × 700: "cats and dogs please" in Classes was kept by OK and refused only when Train was pressed
        Dialog<DatasetSpec> dialog = openOnDigitsCsv(robot);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        assertThat(WaitForAsyncUtils.asyncFx(ok::isDisabled).get()).as("good settings: OK as ever").isFalse();
        robot.clickOn("#dataset-classes").eraseText(2).write("cats and dogs please");
        WaitForAsyncUtils.waitForFxEvents();
        var classes = robot.lookup("#dataset-classes").queryTextInputControl();
        assertThat(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#setting-problem").queryLabeled().getText()).get())
                .startsWith("'Classes' must be a number, not the text \"cats and dogs please\"")
                .contains("Mend it to use OK");
        assertThat(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#setting-problem").queryLabeled().isVisible()).get()).isTrue();
        assertThat(WaitForAsyncUtils.asyncFx(ok::isDisabled).get()).as("nothing kept that Train would refuse").isTrue();
        assertThat(WaitForAsyncUtils.asyncFx(() -> ok.localToScene(ok.getLayoutBounds()).getMaxY()
                - ok.getScene().getHeight()).get()).as("the dialog grew with the line: its buttons still in view")
                .isLessThanOrEqualTo(0.5);
        assertThat(WaitForAsyncUtils.asyncFx(() -> classes.getStyleClass().contains("invalid")).get()).isTrue();

        // the other fields of the family: a share of 5, a label column of -4
        robot.interact(() -> classes.setText("10"));
        robot.interact(() -> robot.lookup("#dataset-validation").queryTextInputControl().setText("5"));
        assertThat(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#setting-problem").queryLabeled().getText()).get())
                .startsWith("'Validation fraction' must be between 0 and 1; got 5");
        assertThat(WaitForAsyncUtils.asyncFx(ok::isDisabled).get()).isTrue();
        robot.interact(() -> robot.lookup("#dataset-validation").queryTextInputControl().setText("0.2"));
        robot.interact(() -> robot.lookup("#dataset-label-column").queryTextInputControl().setText("-4"));
        assertThat(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#setting-problem").queryLabeled().getText()).get())
                .startsWith("'Label column' must be a column number from 0");
        robot.interact(() -> robot.lookup("#dataset-label-column").queryTextInputControl().setText(""));
        assertThat(WaitForAsyncUtils.asyncFx(ok::isDisabled).get()).as("mended: OK again").isFalse();
        assertThat(WaitForAsyncUtils.asyncFx(() -> classes.getStyleClass().contains("invalid")).get()).isFalse();
        robot.clickOn((Node) ok);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.getResult().params()).containsEntry("classes", 10L).containsEntry("validationFraction", 0.2);

        // marker: a sentence in Training examples, as for Classes
        Dialog<DatasetSpec> again = WaitForAsyncUtils.asyncFx(() -> window.datasetDialog(stage)).get();
        robot.interact(again::show);
        @SuppressWarnings("unchecked")
        ComboBox<String> kind2 = robot.lookup("#dataset-kind").queryAs(ComboBox.class);
        robot.interact(() -> {
            kind2.setValue("marker");
            robot.lookup("#dataset-train").queryTextInputControl().setText("lots of examples");
        });
        assertThat(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#setting-problem").queryLabeled().getText()).get())
                .startsWith("'Training examples' must be a number, not the text \"lots of examples\"");
        assertThat(WaitForAsyncUtils.asyncFx(again.getDialogPane().lookupButton(ButtonType.OK)::isDisabled).get()).isTrue();
        robot.clickOn((Node) again.getDialogPane().lookupButton(ButtonType.CANCEL));
    }

    @Test
    void anEmptyFieldSaysWhatTheKindUsesThenAndThatIsWhatLoads(FxRobot robot) throws Exception {
        Dialog<DatasetSpec> dialog = WaitForAsyncUtils.asyncFx(() -> window.datasetDialog(stage)).get();
        robot.interact(dialog::show);
        var length = robot.lookup("#dataset-length").queryTextInputControl();
        robot.interact(() -> {
            length.setText(""); // left out, as a project made from an empty canvas has it
            robot.lookup("#dataset-train").queryTextInputControl().setText("20");
            robot.lookup("#dataset-validation-count").queryTextInputControl().setText("10");
        });
        String shown = length.getPromptText();
        assertThat(shown).as("the blank field had said nothing").matches("\\d+ when left empty");

        robot.clickOn((Node) dialog.getDialogPane().lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();

        DatasetSpec spec = dialog.getResult();
        assertThat(spec.params()).doesNotContainKey("length");
        long[] shape = DatasetLoader.load(spec, dir).train().features()[0].shape();
        assertThat(shape[shape.length - 1]).as("the length said is the length loaded")
                .isEqualTo(Long.parseLong(shown.split(" ")[0]));

        Dialog<DatasetSpec> again = WaitForAsyncUtils.asyncFx(() -> window.datasetDialog(stage)).get();
        robot.interact(again::show);
        @SuppressWarnings("unchecked")
        ComboBox<String> kind = robot.lookup("#dataset-kind").queryAs(ComboBox.class);
        robot.interact(() -> kind.setValue("csv"));
        assertThat(robot.lookup("#dataset-validation").queryTextInputControl().getPromptText())
                .as("another kind, its own default").isEqualTo(DatasetLoader.defaults("csv").get("validationFraction")
                        + " when left empty");
        assertThat(robot.lookup("#dataset-classes").queryTextInputControl().getPromptText())
                .as("no default: nothing said but the error").isNullOrEmpty();
        robot.interact(again::close);
    }

    @Test
    void theHeaderSpeaksOfChoosingAFileOnlyForAKindThatReadsOne(FxRobot robot) throws Exception {
        Dialog<DatasetSpec> dialog = WaitForAsyncUtils.asyncFx(() -> DatasetDialog.create(stage, vm, training,
                Runnable::run, true)).get(); // a project never saved: no folder yet
        robot.interact(dialog::show);
        var header = robot.lookup("#header-of-dataset-settings").queryLabeled();
        assertThat(header.getText()).as("a marker dataset is generated: no file, no Browse")
                .isEqualTo("What marker trains on.").doesNotContain("Browse");

        @SuppressWarnings("unchecked")
        ComboBox<String> kind = robot.lookup("#dataset-kind").queryAs(ComboBox.class);
        robot.interact(() -> kind.setValue("csv"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(header.getText()).contains("choose the file with Browse");
        assertThat(header.getHeight()).as("the dialog grew to show the whole header")
                .isGreaterThanOrEqualTo(header.prefHeight(header.getWidth()) - 1);
        robot.interact(dialog::close);
    }
}
