package dev.deepwire.ui.training;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Runs… comparison: a table of the kept runs (settings, status, the chosen figure; sortable by any column and
 * sorted best first by the figure when it is chosen), and the validation curves of the runs selected in it
 * overlaid in one chart. {@link RunComparison} decides the figures and the order; this view binds.
 */
final class RunCompareView extends VBox {
    private final ObservableList<RunComparison.Row> items = FXCollections.observableArrayList();
    private List<RunComparison.Row> rows = List.of();
    private final RunCompareModel model;
    private final ComboBox<RunComparison.Metric> metric = new ComboBox<>();
    private final TableView<RunComparison.Row> table = new TableView<>(items);
    private final NumberAxis yAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(new NumberAxis(), yAxis);
    private final Consumer<String> problem;
    /** What the chart shows, and why it may show nothing or a point: under the chart. */
    private final Label chartNote = new Label();

    /** {@code model} reads the runs' files, off the JavaFX thread ({@link TrainingViewModel#runComparison()}). */
    RunCompareView(List<RunHistory.Run> runs, String selectOn, Consumer<String> problem, RunCompareModel model) {
        super(8);
        this.problem = problem;
        this.model = model;
        setPadding(new Insets(4));
        setId("runs-compare");
        setPrefWidth(930);
        metric.setId("runs-compare-metric");
        metric.getItems().setAll(RunComparison.Metric.values());
        metric.setValue(RunComparison.Metric.forSelection(selectOn));
        table.setId("runs-compare-table");
        table.setPlaceholder(new Label("Reading the runs' metrics…"));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPrefHeight(220);
        TableColumn<RunComparison.Row, String> name = text("Run", 240, RunComparison.Row::name);
        name.setCellFactory(c -> new TableCell<>() { // runs of a project differ at the end (their time, sweep number)
            {
                setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
            }

            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
            }
        });
        TableColumn<RunComparison.Row, String> settings = text("Settings", 340, RunComparison.Row::settings);
        TableColumn<RunComparison.Row, String> status = text("Status", 90, RunComparison.Row::status);
        TableColumn<RunComparison.Row, Number> figure = new TableColumn<>();
        figure.setId("runs-compare-figure");
        figure.textProperty().bind(metric.valueProperty().asString());
        figure.setPrefWidth(200); // "validation filtered MRR" whole
        figure.setCellValueFactory(c -> new SimpleDoubleProperty(c.getValue().value(metric.getValue())));
        figure.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : Double.isFinite(v.doubleValue())
                        ? String.format(java.util.Locale.ROOT, "%.4f", v.doubleValue()) : "—");
            }
        });
        table.getColumns().setAll(List.of(name, settings, status, figure));
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() { // why a run failed or stopped, or has no figures
            @Override
            protected void updateItem(RunComparison.Row row, boolean empty) {
                super.updateItem(row, empty);
                String why = empty || row == null ? "" : String.join("\n", java.util.stream.Stream.of(row.run().outcome(),
                        row.run().doubt(), row.metricsProblem().isEmpty() ? "" : "cannot read its figures: " + row.metricsProblem())
                        .filter(s -> !s.isBlank()).toList());
                setTooltip(why.isEmpty() ? null : new javafx.scene.control.Tooltip(row.name() + ": " + why));
            }
        });
        metric.setOnAction(e -> sortByMetric());
        table.getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<RunComparison.Row>) c -> showCurves());
        chartNote.setText("Reading the runs' metrics…");
        chart.setId("runs-compare-chart");
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setPrefHeight(260);
        yAxis.setForceZeroInRange(false);
        chart.getXAxis().setLabel("step");
        HBox top = new HBox(8, new Label("Rank by"), metric, new Label("Select several runs to overlay their curves"));
        top.setAlignment(Pos.CENTER_LEFT);
        chartNote.setId("runs-compare-chart-note");
        chartNote.setWrapText(true);
        chartNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wraps: a reason is read whole, not cut off
        chartNote.getStyleClass().add("muted");
        getChildren().setAll(top, table, chart, chartNote);
        VBox.setVgrow(chart, Priority.ALWAYS);
        model.curvesProperty().addListener((o, a, read) -> {
            if (read != null) {
                    }
            drawCurves();
        });
        model.rowsProperty().addListener((o, a, read) -> {
            if (read != null) {
                rows = read;
                table.setPlaceholder(new Label("No runs of this project kept yet"));
                sortByMetric();
                if (!items.isEmpty()) {
                    table.getSelectionModel().select(0); // the best run's curve from the start, not an empty made-up axis
                }
            }
        });
        drawCurves();
        model.read(runs);
    }

    private static TableColumn<RunComparison.Row, String> text(String title, double width,
                                                              java.util.function.Function<RunComparison.Row, String> value) {
        TableColumn<RunComparison.Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(r -> new SimpleStringProperty(value.apply(r.getValue())));
        return c;
    }

    /** Best first by the chosen figure (a column header sorts by that column instead, until a figure is chosen). */
    private void sortByMetric() {
        table.getSortOrder().clear();
        items.setAll(RunComparison.sorted(rows, metric.getValue()));
        table.refresh();
        showCurves();
    }

    /**
     * The selected runs' curves: a ranking figure's validation filtered MRR each epoch where the runs recorded it
     * (metrics.csv's {@code val_mrr}, runs that select on it), else validation accuracy for an accuracy or ranking
     * figure, else validation loss. A curve of one epoch is a single point, drawn as a dot: with lines alone, one run of
     * one epoch left an empty chart on a made-up 0–125 axis.
     */
    private void showCurves() {
        model.curvesOf(List.copyOf(table.getSelectionModel().getSelectedItems()));
        drawCurves(); // the figure may have changed with the same curves
    }

    /** The curves read for the selection, or that they are being read. */
    private void drawCurves() {
        RunCompareModel.Curves read = model.curvesProperty().get();
        if (read == null || model.rowsProperty().get() == null) {
            chartNote.setText(model.rowsProperty().get() == null ? "Reading the runs' metrics…"
                    : "Reading the curves of the runs selected…");
            chart.setVisible(!chart.getData().isEmpty()); // no axes made up for nothing while the first are read
            return; // the chart keeps what it showed until they are read
        }
        boolean ranking = metric.getValue().ranking();
        boolean accuracy = metric.getValue().accuracy();
        List<RunComparison.Row> selected = read.runs();
        List<MetricsHistory> histories = read.histories();
        List<String> unreadable = new java.util.ArrayList<>(read.unreadable());
        boolean mrr = ranking && histories.stream().anyMatch(h -> !h.validationMrr().isEmpty());
        yAxis.setLabel(mrr ? "validation MRR" : accuracy ? "validation accuracy" : "validation loss");
        chart.getData().clear();
        List<XYChart.Series<Number, Number>> curves = new java.util.ArrayList<>();
        for (int i = 0; i < selected.size(); i++) {
            RunComparison.Row r = selected.get(i);
            MetricsHistory h = histories.get(i);
            curves.add(new XYChart.Series<>(r.name() + " (" + r.settings() + ")", curve(mrr ? h.validationMrr()
                    : accuracy ? h.validationAccuracy() : h.validationLoss())));
        }
        chart.setCreateSymbols(curves.stream().anyMatch(s -> s.getData().size() < 2));
        chart.getData().setAll(curves);
        boolean points = curves.stream().anyMatch(s -> !s.getData().isEmpty());
        chart.setVisible(points); // no axes made up for nothing (its room stays: the table does not jump)
        String what = !ranking ? ""
                : mrr ? (metric.getValue() == RunComparison.Metric.VALIDATION_MRR ? "The chart shows"
                        : metric.getValue() + " is measured once, on the model each run kept; the chart shows")
                        + " the validation filtered MRR each epoch"
                        + (curves.stream().anyMatch(s -> s.getData().isEmpty())
                                ? " (a run without a curve did not select on it, or ran before it was recorded). " : ". ")
                : metric.getValue() + " is measured once, on the model each run kept; "
                        + "the chart shows the validation accuracy each epoch. ";
        String curve = mrr ? "validation filtered MRR" : "validation " + (accuracy ? "accuracy" : "loss");
        String note = curves.isEmpty() && unreadable.isEmpty() ? what + "Select runs above to see their curves."
                : curves.isEmpty() ? "" : !points ? what + "The runs selected recorded no " + curve
                + " (stopped or failed before an epoch ended): no curve to draw."
                : what.strip();
        // in the dialog itself: the status bar it had gone to lies under the dialog, which said "Select runs above"
        unreadable.add(0, note);
        chartNote.setText(String.join("\n", unreadable.stream().filter(t -> !t.isBlank()).toList()));
    }

    /** A curve's finite points as the chart takes them, at once, thinned as every kept run's curve is. */
    static ObservableList<XYChart.Data<Number, Number>> curve(List<MetricsHistory.Point> points) {
        List<XYChart.Data<Number, Number>> shown = new java.util.ArrayList<>();
        for (MetricsHistory.Point p : MetricsHistory.thinned(points)) {
            if (Double.isFinite(p.value())) {
                shown.add(new XYChart.Data<>(p.step(), p.value()));
            }
        }
        return FXCollections.observableArrayList(shown);
    }

    Label chartNote() {
        return chartNote;
    }

    /** Opens the comparison of these runs in a window of its own over {@code owner}. */
    static void show(javafx.stage.Window owner, List<RunHistory.Run> runs, String selectOn, Consumer<String> problem,
                     RunCompareModel model) {
        javafx.scene.control.Dialog<Void> dialog = new javafx.scene.control.Dialog<>();
        dialog.setTitle("Compare runs");
        dialog.setHeaderText(runs.size() + (runs.size() == 1 ? " run" : " runs") + ", best first");
        dialog.getDialogPane().setContent(new RunCompareView(runs, selectOn, problem, model));
        dialog.getDialogPane().getButtonTypes().add(javafx.scene.control.ButtonType.CLOSE);
        dialog.setResizable(true);
        dialog.initOwner(owner);
        dev.deepwire.ui.controls.Dialogs.escapeCloses(dialog);
        dialog.show();
    }

    TableView<RunComparison.Row> table() {
        return table;
    }

    LineChart<Number, Number> chart() {
        return chart;
    }
}
