package dev.deepwire.ui.inspect;

import dev.deepwire.data.Dataset;
import dev.deepwire.inspect.AttentionRecorder.Snapshot;
import dev.deepwire.inspect.Experiment;
import dev.deepwire.inspect.TrainedModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The inspector's "Intervene" column: switch heads of the shown block off, pin a query row onto one key, and see
 * the shown example's prediction and the validation accuracy change beside the unchanged figures; open the
 * "which heads matter" table or a counterfactual pair; save a model without the switched-off heads as a new run
 * (only when asked). The trained model is never changed.
 */
final class InterventionPanel extends VBox {
    /**
     * What the inspector shows: the model at rest (null while a run is going), the validation data, the block, the
     * examples on show and which one, the head chosen (-1, -2: mean, max), the axis labels and the queries' input.
     */
    record Target(TrainedModel model, Dataset validation, String node, Dataset examples, int example, int head,
                  List<String> rows, List<String> cols, int queryInput) {
    }

    private final InterventionModel model = new InterventionModel();
    private final HeadSwitches switches = new HeadSwitches();
    private final Label prediction = label("intervene-prediction");
    private final Label accuracy = label("intervene-accuracy");
    private final Spinner<Integer> row = new Spinner<>(0, 0, 0);
    private final Spinner<Integer> key = new Spinner<>(0, 0, 0);
    private final Label pinWhat = label("intervene-pin-what");
    private final Button pin = new Button("Pin");
    private final Button restore = new Button("Restore");
    private final Button apply = new Button("Apply: save without these heads…");
    private final Label status = label("intervene-status");
    private final Executor background;
    private final Runnable redraw;
    private final Supplier<Path> runsFolder;
    private final Function<String, Experiment.RunOrigin> origin;
    private Target target;
    /** Brings {@link #status} into view (the panel scrolls at 1024 × 700, and Apply's answer lay below it). */
    private Runnable showStatus = () -> { };
    private long generation;

    InterventionPanel(Executor background, Runnable redraw, Supplier<Path> runsFolder,
                      Function<String, Experiment.RunOrigin> origin) {
        super(6);
        this.background = background;
        this.redraw = redraw;
        this.runsFolder = runsFolder;
        this.origin = origin;
        setId("intervene");
        setPadding(new Insets(8));
        setPrefWidth(300);
        setMaxWidth(320);
        Label title = new Label("Intervene");
        title.getStyleClass().add("section-title");
        switches.setOnSwitch((h, mode) -> {
            model.switchHead(h, mode);
            changed();
        });
        row.setId("intervene-row");
        key.setId("intervene-key");
        row.setPrefWidth(72);
        key.setPrefWidth(72);
        // a row or key typed (row 10 had taken ten clicks on the arrows: typed digits were ignored)
        dev.deepwire.ui.controls.Spinners.wholeNumbers(row, 5);
        dev.deepwire.ui.controls.Spinners.wholeNumbers(key, 5);
        // three lines kept for what Pin would do: re-wrapped as the row or key changed, it moved Pin under the pointer
        pinWhat.setMinHeight(54);
        row.valueProperty().addListener((o, a, b) -> describePin());
        key.valueProperty().addListener((o, a, b) -> describePin());
        pin.setId("intervene-pin");
        pin.setTooltip(new Tooltip("Put all of this query row's weight on the chosen key, in the head shown"));
        pin.setOnAction(e -> pinRow());
        restore.setId("intervene-restore");
        restore.setOnAction(e -> {
            model.restore();
            changed();
        });
        HBox pinRow = new HBox(6, new Label("Row"), row, new Label("→ key"), key);
        pinRow.setAlignment(Pos.CENTER_LEFT);
        Button table = new Button("Which heads matter…");
        table.setId("intervene-table");
        table.setOnAction(e -> {
            if (model.ready()) {
                AblationTable.open(getScene().getWindow(), model.experiment(), switches.mode(), background);
            }
        });
        Button pair = new Button("Counterfactual…");
        pair.setId("intervene-counterfactual");
        pair.setOnAction(e -> {
            if (model.ready() && target != null) {
                CounterfactualView.open(getScene().getWindow(), target, model.experiment(), model.intervention(), background);
            }
        });
        apply.setId("intervene-apply");
        apply.setOnAction(e -> applyAsNewRun());
        getChildren().setAll(title, switches, prediction, accuracy, new Separator(), new Label("Pin a query row"), pinRow,
                pinWhat, new HBox(6, pin, restore), new Separator(), table, pair, apply, status);
        setDisable(true);
    }

    private static Label label(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        // its whole text, wrapped: on a short window the panel scrolls ({@link #scrolling}) instead of cutting each
        // line to one with "…" ("Prediction: german (p 0.30) → german (…" at 1024 × 700)
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** The panel in a pane that scrolls when the window is too short for all of it (1024 × 700). */
    javafx.scene.control.ScrollPane scrolling() {
        var scroll = new javafx.scene.control.ScrollPane(this);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinViewportWidth(getPrefWidth());
        scroll.getStyleClass().add("edge-to-edge");
        showStatus = () -> {
            scroll.layout();
            scroll.setVvalue(scroll.getVmax());
        };
        return scroll;
    }

    /** Follows what the inspector shows; a new model, block or set of examples starts with nothing switched off. */
    void aim(Target t) {
        target = t;
        if (t.model() == null || t.validation() == null) {
            model.aim(null, null, t.node(), t.examples());
            setDisable(true);
            prediction.setText("Interventions need a trained model at rest: pause the run or wait for it to end.");
            accuracy.setText("");
            return;
        }
        setDisable(false);
        if (model.aim(t.model(), t.validation(), t.node(), t.examples())) {
            switches.allOn(); // a fresh start: every head on
            status.setText("");
        }
        switches.setHeads(model.experiment().heads(t.node()));
        range(row, t.rows().size());
        range(key, t.cols().size());
        describePin();
        figures();
    }

    /** The capture as the intervened block computes it (pinned rows replaced). */
    Snapshot pinned(Snapshot s) {
        return model.pinned(s);
    }

    /** Greys a switched-off head's map and outlines its pinned row. */
    void mark(HeatmapView view, int example, int head) {
        view.mark(head >= 0 && model.off(head), head >= 0 ? model.pinnedRow(example, head) : -1);
    }

    /** Marks every head's map of the all-heads grid (in head order). */
    void markAll(List<javafx.scene.Node> maps, int example) {
        for (int h = 0; h < maps.size(); h++) {
            mark((HeatmapView) maps.get(h), example, h);
        }
    }

    /** What is switched off and pinned now, in words (for tests and the status line). */
    String state() {
        return model.offText() + (model.intervention().pins().isEmpty() ? "" : ", " + model.intervention().pins().size() + " row(s) pinned");
    }

    private static void range(Spinner<Integer> s, int count) {
        dev.deepwire.ui.controls.Spinners.range(s, Math.max(0, count - 1));
    }

    private void describePin() {
        if (target == null || target.rows().isEmpty() || target.cols().isEmpty()) {
            return;
        }
        boolean oneHead = target.head() >= 0;
        pin.setDisable(!oneHead);
        // what Pin would do, said as such: "Row 'a' of head 0 puts all its weight on 'b'" read as what the head does
        pinWhat.setText(oneHead ? "Pin makes row '" + target.rows().get(Math.min(row.getValue(), target.rows().size() - 1))
                + "' of head " + target.head() + " put all its weight on '"
                + target.cols().get(Math.min(key.getValue(), target.cols().size() - 1)) + "'"
                : "Choose one head (not the mean or maximum) to pin one of its rows.");
    }

    private void pinRow() {
        if (target == null || target.head() < 0) {
            return;
        }
        model.pin(target.example(), target.head(), row.getValue(), key.getValue(), target.cols().size());
        changed();
    }

    private void changed() {
        status.setText(state());
        redraw.run();
        figures();
    }

    /** Recomputes the figures in the background; a later change makes an earlier result stale. */
    private void figures() {
        if (!model.ready() || target == null) {
            return;
        }
        long mine = ++generation;
        int example = target.example();
        prediction.setText("Prediction: computing…");
        accuracy.setText("Validation accuracy: computing…");
        CompletableFuture.supplyAsync(() -> model.figures(example), background).whenComplete((f, e) -> Platform.runLater(() -> {
            if (mine != generation) {
                return;
            }
            if (e != null) {
                prediction.setText("Cannot compute the prediction: " + (e.getCause() != null ? e.getCause() : e).getMessage());
                accuracy.setText("");
                return;
            }
            prediction.setText(InterventionModel.predictionText(f));
            accuracy.setText(model.accuracyText(f));
        }));
    }

    /** Saves a copy without the switched-off heads as a new run, after the user confirms. */
    private void applyAsNewRun() {
        var iv = model.intervention();
        if (!model.ready() || iv.off().isEmpty()) {
            status.setText("Switch a head off first: Apply saves a copy of the model without it.");
            showStatus.run();
            return;
        }
        Experiment.RunOrigin from = origin.apply(iv.node());
        Path folder = from.folder(runsFolder.get());
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Save a copy of this model without "
                + (iv.off().size() == 1 ? "head " : "heads ") + iv.off().keySet().stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", ")) + " of '" + from.blockName() + "' as a new run in " + folder
                + "? " + (iv.off().size() == 1 ? "Its" : "Their") + " rows of Wo become 0; the trained model stays as it is.", ButtonType.OK, ButtonType.CANCEL);
        ask.setTitle("Save as a new run");
        ask.setHeaderText("Save as a new run");
        ask.initOwner(getScene().getWindow());
        if (ask.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        status.setText("Saving…");
        CompletableFuture.supplyAsync(() -> {
            try {
                return model.experiment().saveWithoutHeads(iv, folder, from);
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }, background).whenComplete((p, e) -> Platform.runLater(() -> {
            status.setText(e == null ? "Saved as a new run, listed in Runs…: " + p.getParent().getFileName()
                    : "Not saved: " + (e.getCause() != null ? e.getCause() : e).getMessage());
            showStatus.run();
        }));
    }
}
