package dev.deepwire.ui.inspect;

import dev.deepwire.testing.ScratchDirs;
import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.data.Dataset;
import dev.deepwire.data.MarkerDataset;
import dev.deepwire.inspect.Ablation;
import dev.deepwire.inspect.HeadAblation;
import dev.deepwire.inspect.Intervention;
import dev.deepwire.inspect.TrainedModel;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.training.TrainingViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javafx.scene.input.KeyCode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The inspector's "Intervene" column on a marker model: a switched-off head's map is greyed and the validation
 * accuracy without it is shown beside the unchanged one (the same number the headless measurement gives); a pinned
 * row attends as pinned, is outlined, and Restore brings the model's own row back; the head table ranks every
 * head; a counterfactual pair shows B − A; the model itself is never changed.
 */
@ExtendWith(ApplicationExtension.class)
class InterventionUiTest {
    private final ExecutorService work = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "intervention-ui-test");
        t.setDaemon(true);
        return t;
    });
    private Stage stage;
    private AttentionSession session;
    private TrainingViewModel training;
    private ComputationGraph net;
    private Dataset validation;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Project p = SmallMarker.project(Map.of("train", 64, "validation", 60));
        net = new GraphCompiler(BlockCatalog.standard()).compile(p.graph(), CompileOptions.forTraining(p.training())).orThrow().instantiate();
        validation = MarkerDataset.generate(p.dataset()).validation();
        Path dir = ScratchDirs.create("deepwire-intervene-ui");
        EditorViewModel vm = new EditorViewModel(BlockCatalog.standard(), p, work, Platform::runLater);
        training = new TrainingViewModel(vm, work, work, Platform::runLater, () -> dir);
        session = new AttentionSession(Platform::runLater);
        session.load(new TrainedModel(net), validation);
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 200, 100));
        stage.show();
    }

    @AfterEach
    void closeWindows() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide)).get();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }

    @SuppressWarnings("unchecked")
    private static void chooseHead(FxRobot robot, int head) {
        robot.interact(() -> ((javafx.scene.control.ComboBox<InspectorModel.HeadChoice>) robot.lookup("#inspect-head").query())
                .setValue(new InspectorModel.HeadChoice(head)));
    }

    @SuppressWarnings("unchecked")
    private static Spinner<Integer> spinner(FxRobot robot, String id) {
        return (Spinner<Integer>) robot.lookup(id).query();
    }

    @Test
    void switchingAHeadOffGreysItsMapAndShowsTheAccuracyWithoutItBesideTheUnchangedOne(FxRobot robot) throws Exception {
        INDArray params = net.params().dup();
        AttentionInspector inspector = WaitForAsyncUtils.asyncFx(() -> AttentionInspector.open(stage, session, training, work, s -> { }, "attn")).get();
        waitUntil(() -> inspector.shownMap().length == 8);
        chooseHead(robot, 1);
        HeatmapView map = robot.lookup("#inspect-heatmap").queryAs(HeatmapView.class);
        assertThat(map.greyed()).isFalse();
        robot.clickOn("#intervene-head-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(map.greyed()).as("head 1's map is greyed").isTrue();
        double expected = HeadAblation.metric(net, validation, Intervention.headOff("attn", 1, Ablation.ZERO), null);
        double unchanged = HeadAblation.metric(net, validation, Intervention.none("attn"), null);
        Label accuracy = robot.lookup("#intervene-accuracy").queryAs(Label.class);
        waitUntil(() -> accuracy.getText().contains("with head 1 (zero) off"));
        assertThat(accuracy.getText()).isEqualTo(String.format(Locale.ROOT,
                "Validation accuracy: %.2f %%  →  %.2f %% with head 1 (zero) off", 100 * unchanged, 100 * expected));
        assertThat(robot.lookup("#intervene-prediction").queryAs(Label.class).getText()).matches("Prediction: .+ \\(p [0-9.]+\\)  →  .+ \\(p [0-9.]+\\)");
        assertThat(robot.lookup("#intervene-explanation").queryAs(Label.class).getText()).startsWith("zero: ");
        // at 1024 x 700 the panel's lines were cut with "…": each keeps its whole wrapped text, the panel scrolls
        robot.interact(() -> {
            inspector.stage().setWidth(984);
            inspector.stage().setHeight(640);
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("#intervene-explanation", "#intervene-prediction", "#intervene-accuracy", "#intervene-pin-what")) {
            Label l = robot.lookup(id).queryAs(Label.class);
            assertThat(l.getHeight()).as("%s '%s' whole", id, l.getText()).isGreaterThanOrEqualTo(l.prefHeight(l.getWidth()) - 0.5);
        }
        robot.clickOn("#intervene-head-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(map.greyed()).as("on again").isFalse();
        assertThat(net.params().equals(params)).as("the trained model is unchanged").isTrue();
    }

    /**
     * Apply on a model opened from a kept run: the new run was listed in Runs… with "0 steps" and the project's settings
     * as they were at Apply. It records the run's steps and settings (its run.json), and is kept beside it.
     */
    @Test
    void applyOnAKeptRunsModelRecordsThatRunsStepsAndSettings(FxRobot robot) throws Exception {
        Path runs = ScratchDirs.create("deepwire-intervene-apply").resolve("runs");
        dev.deepwire.model.TrainingSettings trained = new dev.deepwire.model.TrainingSettings(3, 16, "sgd", 0.05, 7, 0, 0,
                0.0, "last");
        assertThat(training.editor().project().training()).as("the project's settings now differ").isNotEqualTo(trained);
        Path source = dev.deepwire.testing.KeptRuns.run(runs, "marker-1", "marker", runs.resolveSibling("marker.dwproj")
                .toString(), trained, "finished: all 3 epochs done", 840, 0.5, Double.NaN);
        robot.interact(() -> session.load(new TrainedModel(net), source, validation,
                new dev.deepwire.data.DatasetSplits(validation, validation, null)));
        AttentionInspector inspector = WaitForAsyncUtils.asyncFx(() -> AttentionInspector.open(stage, session, training, work, s -> { }, "attn")).get();
        waitUntil(() -> inspector.shownMap().length > 0);
        chooseHead(robot, 1);
        robot.clickOn("#intervene-head-1");
        Label accuracy = robot.lookup("#intervene-accuracy").queryAs(Label.class);
        waitUntil(() -> accuracy.getText().contains("with head 1 (zero) off"));
        javafx.scene.control.Button apply = robot.lookup("#intervene-apply").queryButton();
        Platform.runLater(apply::fire); // it asks first (a dialog that waits): not inside interact, which would wait too
        java.util.function.Supplier<java.util.Optional<javafx.scene.control.Button>> ok = () -> robot
                .lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Button b && "OK".equals(b.getText())
                        && b.getScene() != null && b.getScene().getWindow() != null && b.getScene().getWindow().isShowing())
                .tryQuery().map(javafx.scene.control.Button.class::cast);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ok.get().isPresent());
        robot.clickOn(ok.get().orElseThrow());
        Label status = robot.lookup("#intervene-status").queryAs(Label.class);
        waitUntil(() -> status.getText().startsWith("Saved as a new run"));
        dev.deepwire.ui.training.RunHistory.Run kept;
        try (var folders = Files.list(runs)) {
            Path dir = folders.filter(d -> !d.equals(source)).findFirst().orElseThrow();
            kept = dev.deepwire.ui.training.RunHistory.read(dir);
        }
        assertThat(kept.steps()).isEqualTo(840);
        assertThat(kept.toString()).contains("840 steps").contains("sgd 0.05, batch 16, seed 7");
        assertThat(dev.deepwire.ui.training.RunHistory.settings(kept.dir(), training.editor().project().training()))
                .isEqualTo(trained);
    }

    @Test
    void aPinnedRowAttendsAsPinnedIsOutlinedAndRestoreBringsTheModelsRowBack(FxRobot robot) throws Exception {
        AttentionInspector inspector = WaitForAsyncUtils.asyncFx(() -> AttentionInspector.open(stage, session, training, work, s -> { }, "attn")).get();
        waitUntil(() -> inspector.shownMap().length == 8);
        chooseHead(robot, 0);
        float[] own = inspector.shownMap()[2].clone();
        // typed, as a person reaches row 2 (the digits had been ignored: only the arrows worked)
        robot.doubleClickOn(spinner(robot, "#intervene-row").getEditor()).write("2").type(javafx.scene.input.KeyCode.ENTER);
        robot.interact(() -> spinner(robot, "#intervene-key").getValueFactory().setValue(5));
        assertThat(spinner(robot, "#intervene-row").getValue()).isEqualTo(2);
        double pinAt = robot.lookup("#intervene-pin").query().localToScene(0, 0).getY();
        robot.interact(() -> spinner(robot, "#intervene-key").getValueFactory().setValue(6));
        assertThat(robot.lookup("#intervene-pin").query().localToScene(0, 0).getY()).as("Pin stays under the pointer")
                .isEqualTo(pinAt);
        robot.interact(() -> spinner(robot, "#intervene-key").getValueFactory().setValue(5));
        assertThat(robot.lookup("#intervene-pin-what").queryAs(Label.class).getText())
                .as("what Pin would do, not what the head does").startsWith("Pin makes row ").contains(" of head 0 put all");
        robot.clickOn("#intervene-pin");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(inspector.shownMap()[2]).containsExactly(0, 0, 0, 0, 0, 1, 0, 0);
        assertThat(robot.lookup("#inspect-heatmap").queryAs(HeatmapView.class).pinnedRow()).isEqualTo(2);
        assertThat(robot.lookup("#inspect-heatmap").queryAs(HeatmapView.class).heading()).as("the block by name")
                .startsWith(robot.lookup("#inspect-node").queryComboBox().getConverter().toString("attn") + " · ")
                .doesNotStartWith("attn · ");
        Label prediction = robot.lookup("#intervene-prediction").queryAs(Label.class);
        waitUntil(() -> prediction.getText().contains("→"));
        robot.clickOn("#intervene-restore");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(inspector.shownMap()[2]).containsExactly(own);
        assertThat(robot.lookup("#inspect-heatmap").queryAs(HeatmapView.class).pinnedRow()).isEqualTo(-1);
    }

    @Test
    void theHeadTableRanksEveryHeadAndACounterfactualPairShowsItsDifference(FxRobot robot) throws Exception {
        AttentionInspector inspector = WaitForAsyncUtils.asyncFx(() -> AttentionInspector.open(stage, session, training, work, s -> { }, "attn")).get();
        waitUntil(() -> inspector.shownMap().length == 8);
        robot.clickOn("#intervene-table");
        TableView<?> table = robot.lookup("#ablation-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 4);
        var rows = table.getItems().stream().map(r -> (dev.deepwire.inspect.HeadAblation.Row) r).toList();
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).drop()).isLessThanOrEqualTo(rows.get(i - 1).drop());
        }
        assertThat(robot.lookup("#ablation-heading").queryAs(Label.class).getText()).startsWith("Validation accuracy with no head off");
        var tableWindow = table.getScene().getWindow();
        robot.clickOn("#ablation-close");
        assertThat(tableWindow.isShowing()).as("closed by its Close button").isFalse();
        robot.clickOn("#intervene-counterfactual");
        Label b = robot.lookup("#counterfactual-b").queryAs(Label.class);
        waitUntil(() -> b.getText().startsWith("B: "));
        float[][] first = robot.lookup("#counterfactual-map-a").queryAs(HeatmapView.class).values();
        float[][] second = robot.lookup("#counterfactual-map-b").queryAs(HeatmapView.class).values();
        float[][] diff = robot.lookup("#counterfactual-map-diff").queryAs(HeatmapView.class).values();
        assertThat(first).hasDimensions(8, 8);
        assertThat(Arrays.deepEquals(first, second)).as("one token changed").isFalse();
        for (int q = 0; q < diff.length; q++) {
            for (int k = 0; k < diff[q].length; k++) {
                assertThat(diff[q][k]).isEqualTo(second[q][k] - first[q][k]);
            }
        }

        // Its spinners take typed numbers, as the inspector's others do: a sentence is never typed into them (nothing
        // thrown, nothing read as a number), a number typed is the one compared
        Spinner<Integer> position = spinner(robot, "#counterfactual-position");
        robot.clickOn(position.getEditor()).eraseText(3).write("the fourth token please");
        assertThat(position.getEditor().getText()).as("letters never reach the value").doesNotContainPattern("[a-z ]");
        robot.write("3");
        robot.clickOn("#counterfactual-compare");
        assertThat(position.getValue()).as("typed, then Compare").isEqualTo(3);
        waitUntil(() -> b.getText().startsWith("B: ") && !Arrays.deepEquals(second,
                robot.lookup("#counterfactual-map-b").queryAs(HeatmapView.class).values()));
        Spinner<Integer> other = spinner(robot, "#counterfactual-example");
        robot.clickOn(other.getEditor()).eraseText(3).write("example twelve");
        assertThat(other.getEditor().getText()).doesNotContainPattern("[a-z ]");
        int count = ((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) other.getValueFactory()).getMax() + 1;
        int wanted = (other.getValue() + 3) % count;
        robot.write(String.valueOf(wanted)).type(KeyCode.ENTER);
        assertThat(other.getValue()).as("typed, then Enter").isEqualTo(wanted);
    }
}
