package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.DatasetSpec;
import dev.deepwire.testing.ScratchDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Dataset Settings on a projector's 1024 × 700 screen: every label of every kind is drawn whole, with the widest
 * row there is (a data file outside the folder, agreed to, so Forget agreement… stands beside Browse…), and the
 * dialog fits the screen. "Label column (0 first; empty: the last)" was drawn "… empty: the la…".
 */
@ExtendWith(ApplicationExtension.class)
class DatasetDialogNarrowUiTest {
    /** The width a 1024 px screen leaves a window (as {@code WindowSizes} reckons it). */
    private static final double SCREEN = 1024 - 40;
    private WorkbenchHarness h;

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "marker.dwproj", 1024, 700);
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    /** Each label, tick box and button whose words are drawn cut ("…"), as "text -> drawn". */
    private static List<String> cut(javafx.scene.Parent root) {
        List<String> cut = new ArrayList<>();
        for (var n : root.getChildrenUnmodifiable()) {
            if (!n.isVisible()) {
                continue;
            }
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()
                    && l.lookup(".text") instanceof Text t && !t.getText().equals(l.getText())) {
                cut.add(l.getText() + " -> " + t.getText());
            }
            if (n instanceof javafx.scene.Parent p) {
                cut.addAll(cut(p));
            }
        }
        return cut;
    }

    @Test
    void everyLabelOfEveryKindIsWholeOnA1024Screen(FxRobot robot) throws Exception {
        Path outside = Files.writeString(ScratchDirs.create("deepwire-outside").resolve("features.csv"), "a,b\n1,0\n");
        DatasetSpec spec = new DatasetSpec("csv", java.util.Map.of("file", outside.toString(), "classes", 2));
        var consents = new dev.deepwire.io.files.DataConsents(h.dir.resolve("data-consent.tsv"));
        robot.interact(() -> {
            h.training.data().setRemembered(consents);
            h.vm.project().setDataset(spec);
            h.vm.project().setName("Lesson three: attention finds the marker (second-year group, Tuesday)");
        });
        consents.remember(h.file, outside);
        Dialog<DatasetSpec> dialog = WaitForAsyncUtils.asyncFx(() -> h.window.datasetDialog(h.stage)).get();
        robot.interact(dialog::show);
        assertThat(robot.lookup("#dataset-forget-agreement").query().isVisible()).as("the widest File row").isTrue();
        @SuppressWarnings("unchecked")
        ComboBox<String> kind = robot.lookup("#dataset-kind").queryAs(ComboBox.class);
        for (String k : DatasetDialog.FIELDS.keySet()) {
            robot.interact(() -> kind.setValue(k));
            WaitForAsyncUtils.waitForFxEvents();
            Window w = dialog.getDialogPane().getScene().getWindow();
            assertThat(WaitForAsyncUtils.asyncFx(w::getWidth).get()).as("the dialog of kind %s fits a 1024 px screen", k)
                    .isLessThanOrEqualTo(SCREEN);
            assertThat(WaitForAsyncUtils.asyncFx(() -> cut(dialog.getDialogPane())).get()).as("cut for kind %s", k)
                    .isEmpty();
        }
        assertThat(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#header-of-dataset-settings").queryLabeled().getText()).get())
                .as("the project's whole name, wrapped").contains("(second-year group, Tuesday) trains on");
        robot.interact(dialog::close);
    }
}
