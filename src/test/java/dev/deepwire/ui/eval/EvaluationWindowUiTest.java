package dev.deepwire.ui.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepwire.data.Dataset;
import dev.deepwire.inspect.ModelLab;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.testing.ScratchDirs;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.training.RunState;
import dev.deepwire.training.eval.EvaluationReport;
import dev.deepwire.training.eval.PruningLab;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.training.RunHistory;
import dev.deepwire.ui.training.TrainingViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The evaluation window on a trained run: a matrix cell lists its examples; the pruning lab measures and keeps. */
@ExtendWith(ApplicationExtension.class)
class EvaluationWindowUiTest {
    private TrainingViewModel training;
    private EvaluationWindow window;
    private Path runs;
    private final AtomicReference<Dataset> inspected = new AtomicReference<>();
    private final AtomicReference<Dataset> stepped = new AtomicReference<>();
    private final AtomicReference<Dataset> steppedSplit = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicInteger steppedIndex = new java.util.concurrent.atomic.AtomicInteger(-1);

    @Start
    void start(Stage stage) throws Exception {
        runs = ScratchDirs.create("deepwire-eval-ui");
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(),
                SmallMarker.project(Map.of("train", 256, "validation", 64)), Runnable::run, Runnable::run);
        training = new TrainingViewModel(editor, Runnable::run, Runnable::run, Runnable::run, () -> runs);
        training.start(new TrainingSettings(2, 32, "adam", 1e-3, 42, 0, 0)); // inline: trained when this returns
        training.drain();
        assertThat(training.phaseProperty().get()).isEqualTo(RunState.FINISHED);
        stage.setScene(new Scene(new Label("owner"), 200, 100));
        stage.show();
        window = EvaluationWindow.show(stage, training, (model, split, index) -> inspected.set(ModelLab.focus(split, index, 8)),
                (model, split, index) -> {
                    stepped.set(ModelLab.focus(split, index, 8));
                    steppedSplit.set(split);
                    steppedIndex.set(index);
                });
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().close());
    }

    @Test
    void openingItAgainReplacesTheWindowAndEscapeClosesIt(FxRobot robot) {
        Stage first = window.stage();
        Stage owner = (Stage) first.getOwner();
        robot.interact(() -> window = EvaluationWindow.show(owner, training, (m, v, i) -> { }, (m, v, i) -> { }));
        assertThat(first.isShowing()).as("the earlier window gave way").isFalse();
        assertThat(window.stage().isShowing()).isTrue();
        assertThat(Window.getWindows().stream().filter(w -> w.isShowing() && w instanceof Stage s
                && "Evaluate and Prune".equals(s.getTitle()))).as("one Evaluate and Prune window").hasSize(1);
        robot.interact(() -> window.stage().requestFocus());
        robot.clickOn((Node) robot.lookup("#eval-tabs").query());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.stage().isShowing()).as("Esc closes it").isFalse();
    }

    @Test
    void aCellListsItsExamplesSurestFirstAndOneOpensInTheInspector(FxRobot robot) throws Exception {
        EvaluationReport report = training.evaluation().reportProperty().get();
        int[] cell = report.mostConfused() != null ? report.mostConfused() : new int[] {0, 0};
        long count = report.confusion()[cell[0]][cell[1]];
        assertThat(robot.lookup("#eval-lowest-recall").queryAs(Label.class).getText()).startsWith("Lowest recall: ");
        // the marker's padding is in no label: not a 0.0 % row that reads as a failure, but named under the table
        TableView<EvaluationReport.ClassFigures> perClass = robot.lookup("#eval-per-class").queryTableView();
        assertThat(perClass.getItems()).extracting(EvaluationReport.ClassFigures::name).doesNotContain("<pad>")
                .contains("macro average");
        assertThat(report.perClass()).anySatisfy(c -> assertThat(c.present()).isFalse());
        assertThat(robot.lookup("#eval-absent-classes").queryAs(Label.class).getText()).startsWith("Not listed: ")
                .contains("<pad>");

        assertThat(((Label) robot.lookup("#eval-examples").queryTableView().getPlaceholder()).getText())
                .as("before any cell is chosen").isEqualTo("No cell chosen yet");
        // The cell may lie outside the matrix's scrolled view on a small screen: the click goes to it directly.
        Label target = robot.lookup("#eval-cell-" + cell[0] + "-" + cell[1]).queryAs(Label.class);
        robot.interact(() -> Event.fireEvent(target, new MouseEvent(MouseEvent.MOUSE_CLICKED, 1, 1, 1, 1,
                MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true, false, false, null)));
        TableView<EvaluationReport.Prediction> table = robot.lookup("#eval-examples").queryTableView();
        assertThat(table.getItems()).hasSize((int) count);
        List<Double> shown = table.getItems().stream().map(EvaluationReport.Prediction::confidence).toList();
        Double[] sorted = shown.toArray(new Double[0]);
        Arrays.sort(sorted, (a, b) -> Double.compare(b, a));
        assertThat(shown).as("surest first").containsExactly(sorted);
        assertThat(table.getItems()).allSatisfy(p -> {
            assertThat(p.actual()).isEqualTo(cell[0]);
            assertThat(p.predicted()).isEqualTo(cell[1]);
        });

        // at 1024 x 700 the headers read "Predi…" and "Con…" beside a wide Example column: each is whole
        robot.interact(() -> {
            table.getScene().getWindow().setWidth(984);
            table.getScene().getWindow().setHeight(640);
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (javafx.scene.Node header : robot.from(table).lookup(".column-header .label").queryAll()) {
            Label l = (Label) header;
            String drawn = ((javafx.scene.text.Text) l.lookup(".text")).getText();
            assertThat(drawn).as("the %s column's header", l.getText()).isEqualTo(l.getText());
        }
        // and each example is read whole in its row (its words wrap), and whole on hover: at 1024 x 700 the Example
        // column cut its text at the column's edge ("3 features: 0, …", a marker's token sequence)
        List<javafx.scene.control.TableCell<?, ?>> examples = WaitForAsyncUtils.asyncFx(() -> robot.from(table)
                .lookup(".table-cell").queryAll().stream().<javafx.scene.control.TableCell<?, ?>>map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() != null && "Example".equals(c.getTableColumn().getText())
                        && c.getItem() != null && c.isVisible()).toList()).get();
        assertThat(examples).as("a row for each listed example").hasSize(Math.min(table.getItems().size(), examples.size()))
                .hasSizeGreaterThanOrEqualTo(Math.min(1, table.getItems().size()));
        for (var c : examples) {
            javafx.scene.text.Text words = (javafx.scene.text.Text) c.lookup(".example-text");
            assertThat(words).isNotNull();
            String said = words.getText();
            assertThat(said).as("the example's tokens").isNotBlank().doesNotContain("\u2026");
            assertThat(WaitForAsyncUtils.asyncFx(() -> words.getBoundsInParent().getMaxX() <= c.getWidth() + 0.5
                    && words.getLayoutBounds().getHeight() <= c.getHeight() + 0.5).get())
                    .as("'%s' inside its cell of %s × %s", said, c.getWidth(), c.getHeight()).isTrue();
            assertThat(c.getTooltip()).isNotNull();
            assertThat(c.getTooltip().getText()).contains(said);
        }
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#eval-open-inspector");
        int chosen = table.getItems().get(0).example();
        Dataset validation = training.evaluation().source().orElseThrow().evaluated();
        var kinds = training.evaluation().source().orElseThrow().inputs();
        assertThat(inspected.get()).isNotNull();
        robot.clickOn("#eval-step-through");
        assertThat(stepped.get()).as("the step-through gets the same example").isNotNull();
        assertThat(ModelLab.example(stepped.get(), 0, kinds).text()).isEqualTo(ModelLab.example(validation, chosen, kinds).text());
        assertThat(steppedSplit.get()).as("accuracies there are the split's, not the repeated example's")
                .isSameAs(validation);
        var session = new dev.deepwire.ui.inspect.AttentionSession(Runnable::run);
        session.loadChosen(training.evaluation().source().orElseThrow().model(), null, steppedSplit.get(), steppedIndex.get());
        assertThat(steppedIndex.get()).isEqualTo(chosen);
        assertThat(session.validation()).as("what the inspector's accuracy is measured on").isSameAs(validation);
        assertThat(session.probeName(3)).as("named by its place in the split").isEqualTo("validation example " + chosen);
        assertThat(session.chosenExample()).as("the inspector names it in place of its Example box").hasValue(chosen);
        assertThat(ModelLab.example(session.probeProperty().get(), 5, kinds).text()).isEqualTo(ModelLab.example(validation, chosen, kinds).text());
        assertThat(inspected.get().size()).isEqualTo(8);
        for (int k = 0; k < 8; k++) {
            assertThat(ModelLab.example(inspected.get(), k, kinds).text()).as("every probe example is the chosen one")
                    .isEqualTo(ModelLab.example(validation, chosen, kinds).text()).isNotEmpty();
        }
    }

    @Test
    void theLabMeasuresSlimmerModelsAndKeepsOneAsANewRunWithoutTouchingTheOriginal(FxRobot robot) throws Exception {
        Path original = training.runDir().orElseThrow().resolve("model.zip");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(original));
        byte[] before = Files.readAllBytes(original);
        robot.clickOn("Pruning lab");
        Label scope = robot.lookup("#prune-scope").queryAs(Label.class);
        assertThat(scope.getText()).as("what the shares are of").startsWith("Magnitude pruning works on the ");
        // narrow (a 1024 px screen, the window beside others): the sentence wraps whole, it ended "…and this model has ..."
        robot.interact(() -> window.stage().setWidth(640));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.text.Text shown = (javafx.scene.text.Text) scope.lookup(".text");
        assertThat(shown.getText()).as("the sentence as drawn").doesNotContain("...").doesNotContain("\u2026");
        // the window on a 1024 x 700 screen: every column's heading whole ("validation m…", "after fine-tu…" had been cut)
        robot.interact(() -> window.stage().setWidth(984));
        WaitForAsyncUtils.waitForFxEvents();
        for (javafx.scene.Node header : robot.lookup("#prune-table .column-header .label").queryAll()) {
            Label l = (Label) header;
            javafx.scene.text.Text drawn = (javafx.scene.text.Text) l.lookup(".text");
            assertThat(drawn.getText()).as("heading '%s' as drawn", l.getText()).isEqualTo(l.getText());
        }
        robot.interact(() -> window.stage().setWidth(1100));
        robot.interact(() -> robot.lookup("#prune-sparsities").queryAs(TextField.class).setText("0, 0.5"));
        robot.clickOn("#prune-run");
        Label status = robot.lookup("#prune-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> status.getText().startsWith("Done"));
        TableView<PruningLab.Row> table = robot.lookup("#prune-table").queryTableView();
        List<PruningLab.Row> rows = List.copyOf(table.getItems());
        PruningLab.Row base = rows.get(0);
        PruningLab.Row zero = rows.get(rows.size() - 2);
        PruningLab.Row half = rows.get(rows.size() - 1);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(4); // original, at least one head removed, 0 % and 50 %
        assertThat(zero.metric()).as("0 % changes nothing").isEqualTo(base.metric());
        assertThat(zero.nonZero()).isEqualTo(base.nonZero());
        assertThat(half.nonZero()).isLessThan(base.nonZero());
        assertThat(rows.get(1).params()).as("a head removed: fewer parameters").isLessThan(base.params());
        assertThat(robot.lookup("#prune-summary").queryAs(Label.class).getText()).startsWith("Within 1 point")
                .doesNotContain("up to 0 ");
        javafx.scene.chart.LineChart<?, ?> chart = robot.lookup("#prune-chart").queryAs(javafx.scene.chart.LineChart.class);
        assertThat(((javafx.scene.chart.NumberAxis) chart.getXAxis()).getUpperBound()).as("a share: to 100 %").isEqualTo(100);
        assertThat(((javafx.scene.chart.NumberAxis) chart.getYAxis()).getUpperBound()).as("an accuracy: to 1").isEqualTo(1);

        robot.interact(() -> table.getSelectionModel().select(half));
        robot.clickOn("#prune-keep");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> status.getText().startsWith("Kept as a new run: "));
        Path kept = Path.of(status.getText().substring("Kept as a new run: ".length()));
        assertThat(kept.getParent()).isEqualTo(runs);
        assertThat(kept.resolve("model.zip")).exists();
        var json = new ObjectMapper().readTree(kept.resolve("run.json").toFile());
        assertThat(json.path("slimmedFrom").path("step").asText()).isEqualTo("50 % of weights pruned");
        // the steps its source trained for (Runs… had listed it with "0 steps"), and its settings
        RunHistory.Run source = RunHistory.read(training.runDir().orElseThrow());
        assertThat(source.steps()).isPositive();
        assertThat(RunHistory.read(kept).steps()).isEqualTo(source.steps());
        assertThat(RunHistory.read(kept).toString()).contains(String.format(java.util.Locale.ROOT, "%,d steps", source.steps()));
        assertThat(json.path("settings")).isEqualTo(new ObjectMapper().readTree(training.runDir().orElseThrow()
                .resolve("run.json").toFile()).path("settings"));
        assertThat(json.path("validationAccuracy").asDouble()).isEqualTo(half.metric());
        assertThat(Files.readAllBytes(original)).as("the original model is unchanged").isEqualTo(before);
    }

    @Test
    void aKeptRunIsEvaluatedFromItsFolderInAWindowThatTrainedNothing(FxRobot robot) throws Exception {
        Path run = training.runDir().orElseThrow();
        double recorded = new ObjectMapper().readTree(run.resolve("run.json").toFile()).path("validationAccuracy").asDouble();
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(),
                SmallMarker.project(Map.of("train", 256, "validation", 64)), Runnable::run, Runnable::run);
        TrainingViewModel fresh = new TrainingViewModel(editor, Runnable::run, Runnable::run, Runnable::run, () -> runs);
        Stage owner = (Stage) window.stage().getOwner();
        robot.interact(() -> window = EvaluationWindow.show(owner, fresh, (m, v, i) -> { }, (m, v, i) -> { }));
        dev.deepwire.testing.FxUntil.holds(() -> window.chooser().hasKept()); // read in the background
        assertThat(robot.lookup("#eval-none").queryAs(Label.class).getText()).contains("choose a kept run above");
        assertThat(window.chooser().runs().getValue().run().dir()).isEqualTo(run);

        robot.clickOn("#eval-run-evaluate");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#eval-summary").tryQuery().isPresent());
        assertThat(robot.lookup("#eval-summary").queryAs(Label.class).getText())
                .as("the kept model's figure on the run's own validation examples")
                .contains(String.format(java.util.Locale.ROOT, "accuracy %.1f %%, macro F1 ", 100 * recorded))
                .as("in per cent, as the class table and the dock (it read 'accuracy 0.1430')").endsWith(" %");
        assertThat(robot.lookup("#eval-tabs").tryQuery()).isPresent();

        // The graph edited since, and a run folder that kept no copy of the graph it trained (every run keeps one now;
        // runs of an earlier DeepWire did not): the kept model is not its network, and the window says so instead of
        // failing.
        assertThat(run.resolve("project.dwproj")).as("the run kept the project it trained").exists();
        Files.delete(run.resolve("project.dwproj"));
        robot.interact(() -> editor.graph().setParam("ffn", "hidden", 24));
        robot.clickOn("#eval-run-evaluate");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#eval-problem").tryQuery().isPresent());
        assertThat(robot.lookup("#eval-problem").queryAs(Label.class).getText())
                .contains("the graph is not the one this run trained").contains("parameters")
                .contains("kept no copy");

        // A run folder that kept the graph it trained (as the training process writes it when a run begins): the run
        // is evaluated with that graph and the project's data, and the window says so — a lesson trained, edited and
        // trained again had its first run refused.
        new dev.deepwire.io.ProjectWriter().write(SmallMarker.project(Map.of("train", 256, "validation", 64)),
                run.resolve("project.dwproj"));
        robot.clickOn("#eval-run-evaluate");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#eval-summary").tryQuery().isPresent());
        assertThat(robot.lookup("#eval-summary").queryAs(Label.class).getText())
                .contains(String.format(java.util.Locale.ROOT, "accuracy %.1f %%, macro F1 ", 100 * recorded));
        assertThat(robot.lookup("#eval-kept-graph").queryAs(Label.class).getText())
                .contains("the graph this run trained, kept in its folder");
        assertThat(editor.graph().node("ffn").orElseThrow().params().get("hidden")).as("the window's graph is left as edited")
                .isEqualTo(24);
    }

    @Test
    void aRunThatEndsWhileTheWindowIsOpenIsOfferedAndShown(FxRobot robot) throws Exception {
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(),
                SmallMarker.project(Map.of("train", 256, "validation", 64)), Runnable::run, Runnable::run);
        TrainingViewModel fresh = new TrainingViewModel(editor, Runnable::run, Runnable::run, Runnable::run, () -> runs);
        Stage owner = (Stage) window.stage().getOwner();
        robot.interact(() -> window = EvaluationWindow.show(owner, fresh, (m, v, i) -> { }, (m, v, i) -> { }));
        assertThat(robot.lookup("#eval-none").tryQuery()).isPresent();
        // opened while a run is paused: not "no run has ended in this window yet" (an earlier one may have)
        robot.interact(() -> fresh.phaseProperty().set(RunState.PAUSED));
        robot.interact(() -> window = EvaluationWindow.show(owner, fresh, (m, v, i) -> { }, (m, v, i) -> { }));
        dev.deepwire.testing.FxUntil.holds(() -> window.chooser().hasKept()); // read in the background
        assertThat(robot.lookup("#eval-none").queryAs(Label.class).getText())
                .startsWith("The run in this window has not ended (a paused run neither): its model is evaluated here "
                        + "when it ends; meanwhile choose a kept run above and press Evaluate.");
        robot.interact(() -> fresh.phaseProperty().set(RunState.IDLE));
        robot.interact(() -> {
            fresh.start(new TrainingSettings(1, 32, "adam", 1e-3, 42, 0, 0)); // inline: ended when this returns
            fresh.drain();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.chooser().runs().getItems().get(0).run()).as("the latest run of this window").isNull();
        assertThat(robot.lookup("#eval-summary").queryAs(Label.class).getText()).startsWith("validation split, 64 examples");
    }

    @Test
    void whatIsSetInThePruningLabStaysWhenTheWindowOpensAgain(FxRobot robot) throws Exception {
        robot.interact(() -> window.stage().close()); // the lookups below find this test's window only
        // an owner of its own: what is set here stays with it, not with the other tests' window
        Stage owner = WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new Label("another workbench window"), 200, 100));
            s.show();
            return s;
        }).get();
        robot.interact(() -> window = EvaluationWindow.show(owner, training, (m, v, i) -> { }, (m, v, i) -> { }));
        robot.clickOn("Pruning lab");
        TextField shares = robot.lookup("#prune-sparsities").queryAs(TextField.class);
        robot.doubleClickOn(shares).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("0.3, 0.6");
        robot.interact(() -> robot.lookup("#prune-epochs").<javafx.scene.control.Spinner<Integer>>query()
                .getValueFactory().setValue(3));
        boolean headsWere = robot.lookup("#prune-heads").queryAs(javafx.scene.control.CheckBox.class).isSelected();
        assertThat(headsWere).as("the marker has heads to remove: ticked at first").isTrue();
        robot.interact(() -> robot.lookup("#prune-heads").queryAs(javafx.scene.control.CheckBox.class).setSelected(false));

        Stage first = window.stage();
        robot.interact(() -> window = EvaluationWindow.show(owner, training, (m, v, i) -> { }, (m, v, i) -> { }));
        assertThat(first.isShowing()).isFalse();
        javafx.scene.control.TabPane tabs = robot.from(window.stage().getScene().getRoot()).lookup("#eval-tabs").query();
        assertThat(WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().getSelectedItem().getText()).get())
                .as("the tab on show before").isEqualTo("Pruning lab");
        PruningLabView lab = window.lab();
        assertThat(WaitForAsyncUtils.asyncFx(() -> ((TextField) lab.lookup("#prune-sparsities")).getText()).get())
                .as("the sparsities typed, not the defaults").isEqualTo("0.3, 0.6");
        assertThat(WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.Spinner<?>) lab.lookup("#prune-epochs")).getValue()).get())
                .isEqualTo(3);
        assertThat(WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.CheckBox) lab.lookup("#prune-heads")).isSelected()).get())
                .as("heads left in as chosen (they were %s)", headsWere ? "ticked" : "unticked").isFalse();
        robot.interact(() -> {
            window.stage().close();
            owner.close();
        });
    }
}
