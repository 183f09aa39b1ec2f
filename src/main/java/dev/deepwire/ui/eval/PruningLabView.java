package dev.deepwire.ui.eval;

import dev.deepwire.inspect.ModelLab;
import dev.deepwire.training.eval.PruningLab.Row;
import dev.deepwire.ui.training.RunEvaluation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The pruning lab: remove attention heads (cheapest first, measured) and prune weights by magnitude at chosen
 * sparsities, optionally fine-tuning each for a few epochs; a table and a chart of the validation metric against the
 * share of parameters removed, with parameter count, file size and inference time. "Keep" saves the chosen row's
 * model as a new run; the original model is never changed.
 */
final class PruningLabView extends VBox {
    private final RunEvaluation.Source source;
    private final ModelLab lab;
    private final Executor work;
    private final AtomicBoolean closed;
    private final TableView<Row> table = new TableView<>();
    private final Map<Row, ModelLab.Slimmed> models = new IdentityHashMap<>();
    private final CheckBox heads = new CheckBox("Remove heads");
    private final TextField sparsities = new TextField();
    private final Spinner<Integer> epochs = new Spinner<>(0, 50, 0);
    private final Button run = new Button("Run");
    private final Button keep = new Button("Keep as a new run");
    private final Label status = new Label();
    private final Label summary = new Label();
    private final Label scope = new Label();
    private final PruningChart chart;
    private Row baseline;

    PruningLabView(RunEvaluation.Source source, Executor work, AtomicBoolean closed, PruningChoices choices) {
        this.source = source;
        this.work = work;
        this.closed = closed;
        this.lab = new ModelLab(source.model(), source.evaluated(), source.data().train(), source.data().knowledgeGraph(),
                source.evaluatedName(), source.outputType(),
                source.settings().batchSize(), source.settings().seed());
        setSpacing(8);
        setPadding(new Insets(8));
        heads.setId("prune-heads");
        heads.setSelected(lab.removableHeads() > 0 && !Boolean.FALSE.equals(choices.heads));
        heads.setDisable(lab.removableHeads() == 0);
        heads.selectedProperty().addListener((o, was, now) -> choices.heads = now);
        sparsities.setId("prune-sparsities");
        sparsities.setText(choices.sparsities); // as last typed in this workbench window, not the defaults again
        sparsities.textProperty().addListener((o, was, now) -> choices.sparsities = now);
        sparsities.setPrefColumnCount(18);
        epochs.setId("prune-epochs");
        dev.deepwire.ui.controls.Spinners.wholeNumbers(epochs, 2); // "two epochs" cannot be typed; 2 can
        epochs.setPrefWidth(80);
        epochs.getValueFactory().setValue(choices.epochs);
        epochs.valueProperty().addListener((o, was, now) -> choices.epochs = now == null ? 0 : now);
        run.setId("prune-run");
        run.setOnAction(e -> start());
        keep.setId("prune-keep");
        keep.setDisable(true);
        keep.setOnAction(e -> keepSelected());
        status.setId("prune-status");
        summary.setId("prune-summary");
        scope.setId("prune-scope");
        scope.setWrapText(true);
        scope.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // a VBox gave it one line: "…this model has ..."
        scope.setText(lab.prunableSentence());
        boolean weights = lab.prunableWeights() > 0;
        sparsities.setDisable(!weights); // a model with nothing to prune: no share is asked for, none claimed
        run.setDisable(!weights && lab.removableHeads() == 0);
        HBox controls = new HBox(8, heads, new Label("Sparsities"), sparsities, new Label("Fine-tune epochs"), epochs, run);
        controls.setAlignment(Pos.CENTER_LEFT);
        table.setId("prune-table");
        table.setPlaceholder(new Label("Run the lab to measure slimmer models (the original is never changed)"));
        TableColumn<Row, String> step = column("Step", Row::step);
        step.setMinWidth(175); // "25 % of weights pruned" whole at 1024 x 700 (the columns' equal share cut it)
        table.getColumns().setAll(List.of(
                step,
                // on lines as short as "after fine-tuning", the widest heading shown whole at 1024 x 700 ("validation filter…")
                column(PruningChart.lines(lab.metricName(), "after fine-tuning".length()), r -> fmt(r.metric())),
                column("after fine-tuning", r -> Double.isNaN(r.fineTunedMetric()) ? "" : fmt(r.fineTunedMetric())),
                column("Parameters", r -> String.format(Locale.ROOT, "%,d", r.params())),
                column("Non-zero", r -> String.format(Locale.ROOT, "%,d", r.nonZero())),
                column("File", r -> String.format(Locale.ROOT, "%.1f KB", r.fileBytes() / 1024.0)),
                column("ms / example", r -> String.format(Locale.ROOT, "%.3f", r.msPerExample()))));
        // each heading whole, to its longest line: at 1024 x 700 the equal shares left "validation m…" and "after fine-tu…"
        javafx.scene.text.Font heading = javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(),
                javafx.scene.text.FontWeight.BOLD, javafx.scene.text.Font.getDefault().getSize());
        table.getColumns().stream().filter(c -> c != step).forEach(c -> c.setMinWidth(20 + java.util.Arrays.stream(
                c.getText().split("\n")).mapToDouble(line -> dev.deepwire.ui.controls.TextWidth.of(line, heading)).max().orElse(0)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> keep.setDisable(b == null || !models.containsKey(b)));
        chart = new PruningChart(lab.metricName(), lab.removableHeads() > 0);
        HBox bottom = new HBox(8, keep, status);
        bottom.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(controls, scope, table, summary, chart, bottom);
    }

    private static TableColumn<Row, String> column(String name, Function<Row, String> value) {
        TableColumn<Row, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** The sparsities typed, or null (with the reason shown) when one is not a share from 0 to below 1. */
    List<Double> parsedSparsities() {
        List<Double> out = new ArrayList<>();
        for (String part : sparsities.getText().split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                double s = dev.deepwire.model.Decimals.parse(part.replace("%", "")) / (part.contains("%") ? 100 : 1);
                if (!(s >= 0 && s < 1)) {
                    throw new NumberFormatException();
                }
                out.add(s);
            } catch (NumberFormatException e) {
                status.setText("Sparsities are shares from 0 up to (not including) 1, e.g. 0.25, 0.5 or 50 %; '"
                        + part + "' is not one");
                return null;
            }
        }
        return out;
    }

    void start() {
        List<Double> shares = parsedSparsities();
        if (shares == null) {
            return;
        }
        boolean withHeads = heads.isSelected();
        dev.deepwire.ui.controls.Spinners.commit(epochs); // a number typed and not yet entered counts
        int tune = epochs.getValue();
        if (lab.prunableWeights() == 0) {
            shares.removeIf(s -> s > 0); // nothing would go: no row claims a share pruned
        }
        if (tune > 0 && !shares.contains(0.0)) {
            shares.add(0, 0.0); // the unpruned model fine-tuned as long: what the pruned ones are compared with
        }
        run.setDisable(true);
        table.getItems().clear();
        models.clear();
        chart.clear();
        summary.setText("");
        status.setText("Measuring the original…");
        work.execute(() -> {
            try {
                Row base = lab.baseline();
                ui(() -> {
                    baseline = base;
                    add(base, null, null);
                });
                if (withHeads) {
                    ui(() -> status.setText("Ranking heads by what removing each costs…"));
                    lab.rankedHeads();
                    for (int k = 1; k <= lab.removableHeads() && !closed.get(); k++) {
                        int count = k;
                        ui(() -> status.setText("Removing " + count + " of " + lab.removableHeads() + " heads…"));
                        ModelLab.Slimmed s = lab.removeHeads(k, tune);
                        ui(() -> add(s.row(), s, chart.heads()));
                    }
                }
                for (double share : shares) {
                    if (closed.get()) {
                        return;
                    }
                    ui(() -> status.setText(String.format(Locale.ROOT, "Pruning %.0f %% of the weights…", 100 * share)));
                    ModelLab.Slimmed s = lab.prune(share, tune);
                    ui(() -> add(s.row(), s, chart.weights()));
                }
                ui(() -> status.setText("Done. Select a row and Keep it to save that model as a new run."));
            } catch (RuntimeException e) {
                ui(() -> status.setText("The lab stopped: " + e.getMessage()));
            } finally {
                ui(() -> run.setDisable(false));
            }
        });
    }

    private void ui(Runnable r) {
        if (!closed.get()) {
            Platform.runLater(r);
        }
    }

    private void add(Row row, ModelLab.Slimmed model, XYChart.Series<Number, Number> series) {
        table.getItems().add(row);
        if (model != null) {
            models.put(row, model);
        }
        if (series != null && baseline != null) {
            double removed = 100.0 * (baseline.nonZero() - row.nonZero()) / baseline.nonZero();
            double value = Double.isNaN(row.fineTunedMetric()) ? row.metric() : row.fineTunedMetric();
            chart.add(series, removed, value);
        }
        summary.setText(summaryLine());
    }

    /** How far each way of slimming goes before the metric drops by more than 1 point (0.01). */
    String summaryLine() {
        if (baseline == null) {
            return "";
        }
        int mostHeads = 0;
        double mostShare = 0;
        boolean headsMeasured = false;
        boolean weightsMeasured = false;
        for (Row r : table.getItems()) {
            headsMeasured |= r.headsRemoved() > 0;
            weightsMeasured |= r.sparsity() > 0;
            double value = Double.isNaN(r.fineTunedMetric()) ? r.metric() : r.fineTunedMetric();
            if (lab.drop(baseline.metric(), value) <= 0.01) {
                mostHeads = Math.max(mostHeads, r.headsRemoved());
                mostShare = Math.max(mostShare, r.sparsity());
            }
        }
        // only what was measured is said ("up to 0 heads removed" had been said of a run that removed none)
        List<String> parts = new ArrayList<>();
        if (headsMeasured) {
            parts.add(mostHeads == 0 ? "no head can be removed" : String.format(Locale.ROOT, "up to %d head%s removed",
                    mostHeads, mostHeads == 1 ? "" : "s"));
        }
        if (weightsMeasured && lab.prunableWeights() > 0) {
            parts.add(mostShare == 0 ? "no weights can be pruned" : String.format(Locale.ROOT,
                    "up to %.0f %% of the dense and attention weights pruned", 100 * mostShare));
        }
        return parts.isEmpty() ? "" : "Within 1 point of the original: " + String.join(", ", parts)
                + " (of the steps measured).";
    }

    private void keepSelected() {
        Row row = table.getSelectionModel().getSelectedItem();
        ModelLab.Slimmed s = row == null ? null : models.get(row);
        if (s == null) {
            return;
        }
        double metric = Double.isNaN(row.fineTunedMetric()) ? row.metric() : row.fineTunedMetric();
        keep.setDisable(true);
        status.setText("Saving…");
        Consumer<String> say = text -> ui(() -> {
            status.setText(text);
            keep.setDisable(false);
        });
        work.execute(() -> {
            try {
                Path dir = RunEvaluation.keep(source, s.model(), row.step(), metric, lab.ranks());
                say.accept("Kept as a new run: " + dir);
            } catch (java.io.IOException | RuntimeException e) {
                say.accept("Cannot keep the model: " + e.getMessage());
            }
        });
    }

    TableView<Row> table() {
        return table;
    }

    Label status() {
        return status;
    }
}
