package dev.deepwire.ui.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.testing.ScratchDirs;
import dev.deepwire.training.RunState;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.training.TrainingViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Evaluate and Prune on a knowledge-graph run ranks it, as {@code deepwire evaluate} does: the window only pointed at
 * the dock ("Ranking figures (MRR, hits@k) are in the link-prediction report on the dock"), for the latest run and for
 * a kept one alike.
 */
@ExtendWith(ApplicationExtension.class)
class KnowledgeGraphEvaluationUiTest {
    private TrainingViewModel training;
    private EvaluationWindow window;
    private Stage owner;

    @Start
    void start(Stage stage) throws Exception {
        Path runs = ScratchDirs.create("deepwire-kg-eval-ui").resolve("runs");
        Project sample = new ProjectReader().read(Path.of("sample-projects/wordnet-links-distmult.dwproj"));
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(), sample, Runnable::run, Runnable::run);
        editor.graph().setParam("score", "dim", 16); // a small model: the figures, not their size, are tested
        training = new TrainingViewModel(editor, Runnable::run, Runnable::run, Runnable::run, () -> runs);
        Path folder = Path.of("sample-projects").toAbsolutePath();
        training.data().setFolder(() -> folder);
        training.start(new TrainingSettings(1, 512, "adagrad", 0.1, 42, 0, 0, 0, "last")); // inline
        training.drain();
        assertThat(training.phaseProperty().get()).isEqualTo(RunState.FINISHED);
        stage.setScene(new Scene(new Label("owner"), 200, 100));
        stage.show();
        owner = stage;
        window = EvaluationWindow.show(stage, training, null, null);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().close());
    }

    @Test
    void theLatestAndAKeptKnowledgeGraphRunAreRankedInTheWindowAndTheRecordKeepsTheFigures(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#eval-ranking-table").tryQuery().isPresent());
        String summary = robot.lookup("#eval-summary").queryAs(Label.class).getText();
        assertThat(summary).matches("validation link prediction: filtered MRR [0-9.]+, Hits@1 [0-9.]+, Hits@3 [0-9.]+, "
                + "Hits@10 [0-9.]+ over [0-9]+ head and tail queries");
        assertThat(robot.lookup("#eval-ranking-baselines").queryAs(Label.class).getText())
                .startsWith("baselines on the same queries: most frequent tail");
        TableView<?> table = robot.lookup("#eval-ranking-table").queryAs(TableView.class);
        assertThat(table.getItems()).as("all relations, then each relation ranked").hasSizeGreaterThan(2);
        assertThat(((LinkRankingView.Row) table.getItems().get(0)).relation()).isEqualTo("all relations");
        assertThat(table.getItems().stream().map(r -> ((LinkRankingView.Row) r).relation())).contains("hypernym");

        // The run's record keeps the same figures (Runs… and Compare rank on them).
        Path run = training.runDir().orElseThrow();
        JsonNode validation = new ObjectMapper().readTree(run.resolve("run.json").toFile()).path("evaluation")
                .path("validation");
        double mrr = validation.path("mrr").asDouble(Double.NaN);
        assertThat(mrr).isBetween(0.0, 1.0);
        assertThat(summary).contains(String.format(java.util.Locale.ROOT, "filtered MRR %.3f", mrr));
        assertThat(validation.path("perRelation").path("hypernym").path("hits10").isNumber()).isTrue();

        // A kept run, evaluated from its folder, is ranked too.
        robot.interact(() -> window = EvaluationWindow.show(owner, training, null, null));
        dev.deepwire.testing.FxUntil.holds(() -> window.chooser().hasKept()); // read in the background
        robot.interact(() -> window.chooser().runs().getSelectionModel().select(
                window.chooser().runs().getItems().stream().filter(i -> i.run() != null).findFirst().orElseThrow()));
        robot.clickOn("#eval-run-evaluate");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#eval-loading").tryQuery().isEmpty()
                && robot.lookup("#eval-ranking-table").tryQuery().isPresent());
        assertThat(robot.lookup("#eval-summary").queryAs(Label.class).getText()).as("the same model, the same figures")
                .isEqualTo(summary);
    }

    @Test
    void thePruningLabOfAModelWithoutHeadsDrawsNoLineForThem(FxRobot robot) throws Exception {
        PruningLabView lab = window.lab();
        assertThat(WaitForAsyncUtils.asyncFx(() -> lab.lookup("#prune-heads").isDisabled()).get())
                .as("DistMult has no attention heads to remove").isTrue();
        List<String> lines = WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.chart.LineChart<?, ?>) lab.lookup("#prune-chart"))
                .getData().stream().map(javafx.scene.chart.XYChart.Series::getName).toList()).get();
        assertThat(lines).as("the chart's lines, as its legend names them").containsExactly("weights pruned (magnitude)");
    }
}
