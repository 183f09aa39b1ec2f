package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.io.files.Autosave;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The question after a crash shows the project's file on a line of its own: found at a stop, the path wrapped with the
 * sentence broke mid-name, with ")" alone on the next line.
 */
@ExtendWith(ApplicationExtension.class)
class RecoveryQuestionUiTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(new Label("DeepWire"))));
        stage.show();
    }

    @Test
    void theProjectsPathReadsOnOneLineWholeOrShortenedInTheMiddle() throws Exception {
        check(Path.of("/home/someone/projects/attention-experiments/marker.dwproj"));
        check(Path.of("/home/someone/projects/attention-experiments/2026-winter/teaching/lesson-04-self-attention/"
                + "group-b/with-a-rather-long-folder-name-indeed/marker-with-positional-embeddings.dwproj"));
    }

    private void check(Path original) throws Exception {
        Project project = new Project("marker", "", new Graph(), null, TrainingSettings.defaults());
        var recovered = new Autosave.Recovered(Path.of("/tmp/autosave/marker.dwproj"), project, original, List.of());
        Alert alert = WaitForAsyncUtils.asyncFx(() -> {
            Alert a = WorkbenchApp.recoveryQuestion(recovered, new ButtonType("Restore"), new ButtonType("Discard"));
            a.initOwner(stage);
            a.show();
            return a;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        try {
            Label path = WaitForAsyncUtils.asyncFx(() -> (Label) alert.getDialogPane().lookup("#path-label")).get();
            assertThat(path).as("the path has a line of its own").isNotNull();
            String shown = WaitForAsyncUtils.asyncFx(() -> ((Text) path.lookup(".text")).getText()).get();
            String file = original.getFileName().toString();
            assertThat(shown).as("whole, or shortened in the middle with its file name whole")
                    .satisfiesAnyOf(s -> assertThat(s).isEqualTo(original.toString()),
                            s -> assertThat(s).contains("…").endsWith(file).startsWith("/home/"));
            assertThat(shown).doesNotContain("\n");
            double[] sizes = WaitForAsyncUtils.asyncFx(() -> new double[] {path.getHeight(), path.getFont().getSize(),
                    alert.getDialogPane().getScene().getWindow().getWidth(),
                    Screen.getPrimary().getVisualBounds().getWidth()}).get();
            assertThat(sizes[0]).as("one line").isLessThan(2 * sizes[1]);
            assertThat(sizes[2]).as("the question fits the screen").isLessThanOrEqualTo(sizes[3]);
            Bounds inPane = WaitForAsyncUtils.asyncFx(() -> alert.getDialogPane().sceneToLocal(
                    path.localToScene(path.getLayoutBounds()))).get();
            assertThat(inPane.getMaxX()).as("inside the question").isLessThanOrEqualTo(
                    WaitForAsyncUtils.asyncFx(() -> alert.getDialogPane().getWidth()).get());
            assertThat(WaitForAsyncUtils.asyncFx(() -> path.getTooltip().getText()).get()).isEqualTo(original.toString());
        } finally {
            WaitForAsyncUtils.asyncFx(alert::close).get();
        }
    }
}
