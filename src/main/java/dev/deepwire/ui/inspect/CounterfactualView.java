package dev.deepwire.ui.inspect;

import dev.deepwire.data.Dataset;
import dev.deepwire.inspect.AxisLabels;
import dev.deepwire.inspect.Counterfactuals;
import dev.deepwire.inspect.Experiment;
import dev.deepwire.inspect.Intervention;
import dev.deepwire.inspect.ProbeImages;
import dev.deepwire.inspect.TypedProbe;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A counterfactual pair side by side: the shown example (A) and either another example or A with one token
 * changed (B), each with its prediction and its map for the shown head (the mean of heads when none is chosen),
 * and the difference map B − A. The heads switched off in the inspector stay off for both; pinned rows are left out.
 */
final class CounterfactualView {
    private final InterventionPanel.Target target;
    private final Experiment experiment;
    private final Intervention intervention;
    private final Executor background;
    private final RadioButton other = new RadioButton("Example");
    private final RadioButton edit = new RadioButton("This example with position");
    private final Spinner<Integer> otherExample;
    private final Spinner<Integer> position;
    private final ComboBox<String> token = new ComboBox<>();
    private final HeatmapView a = new HeatmapView();
    private final HeatmapView b = new HeatmapView();
    private final HeatmapView diff = new HeatmapView();
    private final Label predictionA = new Label();
    private final Label predictionB = new Label();
    private final Label status = new Label();

    private CounterfactualView(InterventionPanel.Target target, Experiment experiment, Intervention intervention, Executor background) {
        this.target = target;
        this.experiment = experiment;
        this.intervention = intervention.withoutPins();
        this.background = background;
        otherExample = new Spinner<>(0, Math.max(0, target.examples().size() - 1), (target.example() + 1) % target.examples().size());
        position = new Spinner<>(0, Math.max(0, target.rows().size() - 1), 0);
        // numbers typed, as in the inspector's other spinners (these took none: example 40 was forty clicks away):
        // letters are never typed, a number counts once entered or the field left, an emptied field keeps its value
        dev.deepwire.ui.controls.Spinners.wholeNumbers(otherExample, 5);
        dev.deepwire.ui.controls.Spinners.wholeNumbers(position, 5);
    }

    /** Opens the pair's window on the inspector's target. */
    static Stage open(Window owner, InterventionPanel.Target target, Experiment experiment, Intervention intervention,
                      Executor background) {
        CounterfactualView v = new CounterfactualView(target, experiment, intervention, background);
        Stage stage = dev.deepwire.ui.controls.ProjectWindows.bind(new Stage());
        stage.setTitle("Counterfactual pair");
        if (owner != null) {
            stage.initOwner(owner);
        }
        BorderPane root = v.layout();
        if (owner != null && owner.getScene() != null) {
            root.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(dev.deepwire.ui.controls.WindowSizes.scene(root, 1200, 560));
        stage.show();
        v.compare();
        return stage;
    }

    private BorderPane layout() {
        ToggleGroup group = new ToggleGroup();
        other.setToggleGroup(group);
        edit.setToggleGroup(group);
        boolean tokens = ProbeImages.isTokens(target.examples(), target.queryInput());
        edit.setDisable(!tokens);
        (tokens ? edit : other).setSelected(true);
        token.getItems().setAll(tokens ? TypedProbe.typable(target.examples(), target.queryInput()) : List.of());
        List<String> shownTokens = tokens ? AxisLabels.of(target.examples(), target.queryInput(), target.example()) : List.of();
        // B starts as a real change: the first token of the vocabulary that is not already at position 0.
        token.getItems().stream().filter(t -> shownTokens.isEmpty() || !t.equals(shownTokens.get(0))).findFirst()
                .ifPresent(token::setValue);
        token.setId("counterfactual-token");
        position.setId("counterfactual-position");
        otherExample.setId("counterfactual-example");
        Button compare = new Button("Compare");
        compare.setId("counterfactual-compare");
        compare.setDefaultButton(true);
        compare.setOnAction(e -> compare());
        FlowPane choice = new FlowPane(8, 6, new Label("B is:"), edit, position, new Label("set to"), token,
                new Label("   or"), other, otherExample, compare);
        choice.setAlignment(Pos.CENTER_LEFT);
        choice.setPadding(new Insets(8));
        predictionA.setId("counterfactual-a");
        predictionB.setId("counterfactual-b");
        status.setId("counterfactual-status");
        status.setWrapText(true);
        a.setId("counterfactual-map-a");
        b.setId("counterfactual-map-b");
        diff.setId("counterfactual-map-diff");
        GridPane maps = new GridPane();
        maps.setHgap(8);
        maps.add(column(a, predictionA), 0, 0);
        maps.add(column(b, predictionB), 1, 0);
        maps.add(column(diff, new Label("Red: B attends more; blue: less")), 2, 0);
        for (int c = 0; c < 3; c++) {
            var cc = new javafx.scene.layout.ColumnConstraints();
            cc.setPercentWidth(100 / 3.0);
            maps.getColumnConstraints().add(cc);
        }
        VBox south = new VBox(4, status);
        south.setPadding(new Insets(8));
        return new BorderPane(maps, choice, null, south, null);
    }

    private static VBox column(HeatmapView map, Label caption) {
        caption.setWrapText(true);
        map.setPrefSize(380, 420);
        VBox.setVgrow(map, Priority.ALWAYS);
        return new VBox(4, map, caption);
    }

    /** Builds B, runs both examples with the inspector's heads off, and draws the three maps. */
    private void compare() {
        // a number typed and not yet entered is the one compared (Enter in the field, Compare the default button)
        dev.deepwire.ui.controls.Spinners.commit(position);
        dev.deepwire.ui.controls.Spinners.commit(otherExample);
        Dataset first = target.examples().range(target.example(), target.example() + 1);
        Dataset second;
        try {
            second = edit.isSelected()
                    ? Counterfactuals.edited(target.examples(), target.example(), target.queryInput(), position.getValue(),
                    target.examples().inputNames(target.queryInput()).indexOf(token.getValue()))
                    : target.examples().range(otherExample.getValue(), otherExample.getValue() + 1);
        } catch (IllegalArgumentException ex) {
            status.setText("Cannot build B: " + ex.getMessage());
            return;
        }
        Dataset pair = Counterfactuals.pair(first, second);
        status.setText("Computing…");
        CompletableFuture.supplyAsync(() -> experiment.outcome(intervention, pair), background)
                .whenComplete((o, e) -> Platform.runLater(() -> show(pair, o, e)));
    }

    private void show(Dataset pair, Experiment.Outcome o, Throwable e) {
        if (e != null) {
            status.setText("Cannot compute the pair: " + (e.getCause() != null ? e.getCause() : e).getMessage());
            return;
        }
        int head = target.head();
        var snapshot = new dev.deepwire.inspect.AttentionRecorder.Snapshot(-1, target.node(), o.weights(), 0);
        float[][] mapA = snapshot.map(0, head);
        float[][] mapB = snapshot.map(1, head);
        List<String> rowsA = labels(pair, target.queryInput(), 0, mapA.length, target.rows());
        List<String> rowsB = labels(pair, target.queryInput(), 1, mapB.length, target.rows());
        String which = head >= 0 ? "head " + head : head == -1 ? "mean of heads" : "max of heads";
        a.show(mapA, rowsA, target.cols(), "A · example " + target.example() + " · " + which);
        boolean self = target.rows().equals(target.cols()); // keys are the same tokens: B's edited token labels both axes
        b.show(mapB, rowsB, self ? rowsB : target.cols(), "B · " + which);
        diff.showDifference(Counterfactuals.difference(mapA, mapB), rowsB, target.cols(), "B − A");
        predictionA.setText("A: " + o.predictions().get(0));
        predictionB.setText("B: " + o.predictions().get(1));
        status.setText(intervention.off().isEmpty() ? "Both as the model computes them."
                : "Both with the inspector's switched-off heads off; pinned rows are left out.");
    }

    /** Axis labels for one example of the pair (the inspector's when they are not tokens, or for attention pooling). */
    private static List<String> labels(Dataset pair, int input, int example, int rows, List<String> fallback) {
        List<String> l = ProbeImages.isTokens(pair, input) ? AxisLabels.of(pair, input, example) : fallback;
        return l.size() == rows ? l : rows == 1 ? List.of("learned query") : fallback;
    }

    /** For tests: the three maps on show (A, B, B − A). */
    List<float[][]> maps() {
        return List.of(a.values(), b.values(), diff.values());
    }
}
