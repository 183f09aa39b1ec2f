package dev.deepwire.ui.eval;

import dev.deepwire.training.eval.EvaluationReport;
import dev.deepwire.training.eval.EvaluationReport.ClassFigures;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;

/**
 * An evaluation's figures as the Evaluate and Prune window shows them: the summary line, the confusion matrix's scroll
 * pane, the per-class table (in per cent), the precision/recall curve of a binary task and the residuals of a
 * regression. Split out of {@link EvaluationWindow}, which lays them out and keeps the window's state.
 */
final class EvaluationFigures {
    private EvaluationFigures() {
    }

    /**
     * The report's first line as the window shows figures: in per cent as the class table below it and the training
     * dock ("accuracy 14.3 %, macro F1 13.8 %"); it read "accuracy 0.1430" beside the table's "23.3 %".
     */
    static String summary(EvaluationReport report) {
        if (!report.kind().equals(EvaluationReport.CLASSES)) {
            return report.lines().get(0);
        }
        return report.heading() + String.format(Locale.ROOT, ": accuracy %s, macro F1 %s, weighted F1 %s",
                pct(report.accuracy()), pct(report.macro().f1()), pct(report.weighted().f1()));
    }

    /**
     * The matrix in a scroll pane at most 300 px tall, and as tall as the matrix below that: a two-class matrix had stood in
     * 300 px of which 200 were empty, and at 1024 × 700 the precision/recall chart below it was squeezed until its
     * axis read "preci…".
     */
    static ScrollPane matrixScroll(Region matrix) {
        ScrollPane scroll = new ScrollPane(matrix); // as tall as what it holds (no viewport height set), up to 300 px
        scroll.setMaxHeight(300);
        // and not squeezed below that by the table and chart under it: its "Lowest recall" line had scrolled out of view
        scroll.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> Math.min(300,
                matrix.getHeight() + scroll.snappedTopInset() + scroll.snappedBottomInset()), matrix.heightProperty()));
        return scroll;
    }

    static TableView<ClassFigures> perClass(EvaluationReport report) {
        TableView<ClassFigures> table = new TableView<>();
        table.setId("eval-per-class");
        table.getColumns().setAll(List.of(column("Class", ClassFigures::name), column("Precision", c -> pct(c.precision())),
                column("Recall", c -> c.support() == 0 ? "—" : pct(c.recall())), column("F1", c -> pct(c.f1())),
                column("Support", c -> String.valueOf(c.support()))));
        // classes neither in the split nor ever predicted (<pad>, <M>) are left out: their 0.0 % rows read as failures
        table.getItems().setAll(report.perClass().stream().filter(ClassFigures::present).toList());
        long total = report.perClass().stream().mapToLong(ClassFigures::support).sum();
        table.getItems().add(new ClassFigures("macro average", report.macro().precision(), report.macro().recall(),
                report.macro().f1(), total, -1));
        table.getItems().add(new ClassFigures("weighted average", report.weighted().precision(), report.weighted().recall(),
                report.weighted().f1(), total, -1));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPrefHeight(200);
        return table;
    }

    static <T> TableColumn<T, String> column(String name, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    static LineChart<Number, Number> prCurve(EvaluationReport.Binary binary) {
        NumberAxis x = new NumberAxis(0, 1, 0.2);
        x.setLabel("recall");
        NumberAxis y = new NumberAxis(0, 1, 0.2);
        y.setLabel("precision");
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setTitle(String.format(Locale.ROOT, "Precision/recall · ROC-AUC %.3f · PR-AUC %.3f", binary.rocAuc(), binary.prAuc()));
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        int step = Math.max(1, binary.prCurve().size() / 300);
        for (int i = 0; i < binary.prCurve().size(); i += step) {
            s.getData().add(new XYChart.Data<>(binary.prCurve().get(i).recall(), binary.prCurve().get(i).precision()));
        }
        chart.getData().add(s);
        chart.setPrefHeight(240);
        return chart;
    }

    static ScatterChart<Number, Number> residuals(EvaluationReport.Regression r) {
        NumberAxis x = new NumberAxis();
        x.setLabel("predicted");
        NumberAxis y = new NumberAxis();
        y.setLabel("residual (actual − predicted)");
        ScatterChart<Number, Number> chart = new ScatterChart<>(x, y);
        chart.setTitle(String.format(Locale.ROOT, "Residuals · MAE %.4f · RMSE %.4f", r.mae(), r.rmse()));
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        for (double[] p : r.residuals().subList(0, Math.min(2000, r.residuals().size()))) {
            s.getData().add(new XYChart.Data<>(p[0], p[1] - p[0]));
        }
        chart.getData().add(s);
        return chart;
    }
}
