package dev.deepwire.ui.eval;

import dev.deepwire.training.eval.EvaluationReport;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The confusion matrix: rows are the true classes, columns the predicted ones, each cell shaded by its share of
 * its row; clicking a cell hands its (true, predicted) pair on. The classes of lowest recall are named underneath.
 */
final class ConfusionMatrixView extends VBox {
    private final GridPane grid = new GridPane();
    private final Label lowest = new Label();
    private Label selected;

    ConfusionMatrixView(EvaluationReport report, BiConsumer<Integer, Integer> onCell) {
        setSpacing(6);
        grid.setHgap(2);
        grid.setVgap(2);
        Label corner = new Label("true \u2193 / predicted \u2192");
        corner.getStyleClass().add("muted");
        grid.add(corner, 0, 0);
        int n = report.classes().size();
        for (int c = 0; c < n; c++) {
            Label head = new Label(report.classes().get(c));
            head.setRotate(n > 8 ? -60 : 0);
            // in a Group, the turned label's own bounds are laid out: the header row grows to hold it instead of the
            // label reaching down over the first row of cells
            javafx.scene.Group turned = new javafx.scene.Group(head);
            GridPane.setHalignment(turned, javafx.geometry.HPos.CENTER);
            GridPane.setValignment(turned, javafx.geometry.VPos.BOTTOM);
            grid.add(turned, c + 1, 0);
            grid.add(new Label(report.classes().get(c)), 0, c + 1);
        }
        for (int a = 0; a < n; a++) {
            long rowTotal = 0;
            for (int p = 0; p < n; p++) {
                rowTotal += report.confusion()[a][p];
            }
            for (int p = 0; p < n; p++) {
                long count = report.confusion()[a][p];
                double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
                Label cell = new Label(String.valueOf(count));
                cell.setId("eval-cell-" + a + "-" + p);
                cell.setAlignment(Pos.CENTER);
                cell.setMinSize(n > 12 ? 30 : 52, n > 12 ? 22 : 30);
                cell.setPadding(new Insets(2, 4, 2, 4));
                // Diagonal cells in blue, mistakes in red; the stronger the larger the share of the row.
                String hue = a == p ? "30, 100, 200" : "210, 50, 40";
                cell.setStyle(String.format(Locale.ROOT, "-fx-background-color: rgba(%s, %.3f); -fx-text-fill: %s;"
                        + " -fx-border-color: transparent; -fx-border-width: 2;", hue, 0.08 + 0.85 * share,
                        share > 0.5 ? "white" : "-fx-text-base-color"));
                cell.setTooltip(new Tooltip(String.format(Locale.ROOT, "true %s, predicted %s: %d (%.1f %% of %s)",
                        report.classes().get(a), report.classes().get(p), count, 100 * share, report.classes().get(a))));
                int actual = a;
                int predicted = p;
                cell.setOnMouseClicked(e -> {
                    select(cell);
                    onCell.accept(actual, predicted);
                });
                grid.add(cell, p + 1, a + 1);
            }
        }
        lowest.setId("eval-lowest-recall");
        lowest.setText(report.lowestRecallLine(3));
        lowest.setWrapText(true);
        getChildren().addAll(grid, lowest);
    }

    private void select(Label cell) {
        if (selected != null) {
            selected.setStyle(selected.getStyle().replace("-fx-border-color: black;", "-fx-border-color: transparent;"));
        }
        cell.setStyle(cell.getStyle().replace("-fx-border-color: transparent;", "-fx-border-color: black;"));
        selected = cell;
    }
}
