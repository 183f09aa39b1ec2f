package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.compiler.FamilyGraphs;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.testing.ScratchDirs;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.training.TrainingViewModel;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A network built on an empty canvas has no data yet: Train (or Edit ▸ Dataset Settings…) opens the dataset dialog on
 * the kind its inputs take. A knowledge-graph model had been offered "csv", with a red "'Classes' must be 2 or more"
 * before anything was typed; now it is offered "triples", an image beside a caption "digits-caption"; other graphs
 * still "csv".
 */
@ExtendWith(ApplicationExtension.class)
class DatasetKindForGraphUiTest {
    private Stage stage;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = ScratchDirs.create("deepwire-dataset-kind");
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    private String kindOffered(FxRobot robot, Graph graph) throws Exception {
        Project p = new Project("untitled", "", graph, (DatasetSpec) null, TrainingSettings.defaults());
        EditorViewModel vm = new EditorViewModel(BlockCatalog.standard(), p, Runnable::run, Runnable::run);
        TrainingViewModel training = new TrainingViewModel(vm, Runnable::run, Runnable::run, Runnable::run,
                () -> dir.resolve("runs"));
        Dialog<DatasetSpec> dialog = WaitForAsyncUtils.asyncFx(() -> DatasetDialog.create(stage, vm, training,
                Runnable::run, true)).get(); // never saved, as a project built from File ▸ New
        robot.interact(dialog::show);
        @SuppressWarnings("unchecked")
        ComboBox<String> kind = robot.lookup("#dataset-kind").queryAs(ComboBox.class);
        String offered = WaitForAsyncUtils.asyncFx(kind::getValue).get();
        robot.interact(dialog::close);
        return offered;
    }

    @Test
    void aKnowledgeGraphModelIsOfferedTriplesAndOtherGraphsACsv(FxRobot robot) throws Exception {
        assertThat(kindOffered(robot, FamilyGraphs.knowledgeGraph("concat").graph())).isEqualTo("triples");
        assertThat(kindOffered(robot, FamilyGraphs.cnn().graph())).isEqualTo("csv");
        // image + text fused, as built from the palette: an Image input (1 × 8 × 8) beside a Token sequence
        Graph imageAndCaption = new dev.deepwire.GraphFixture().node("image", "image_input")
                .node("caption", "token_input").graph();
        assertThat(kindOffered(robot, imageAndCaption)).isEqualTo("digits-caption");
    }
}
