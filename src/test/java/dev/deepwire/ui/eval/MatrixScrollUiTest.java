package dev.deepwire.ui.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.training.eval.EvaluationReport;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The confusion matrix's box is no taller than the matrix (at most 300 px): digits-caption's two-class matrix had
 * stood in 300 px of which 200 were empty, and at 1024 × 700 the precision/recall chart under it was squeezed until
 * its axis read "preci…".
 */
@ExtendWith(ApplicationExtension.class)
class MatrixScrollUiTest {
    private final VBox root = new VBox();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 600, 700));
        stage.show();
    }

    private static ConfusionMatrixView matrix(int n) {
        List<String> names = new ArrayList<>();
        List<EvaluationReport.ClassFigures> per = new ArrayList<>();
        long[][] confusion = new long[n][n];
        for (int c = 0; c < n; c++) {
            names.add("class " + c);
            confusion[c][c] = 5;
            per.add(new EvaluationReport.ClassFigures(names.get(c), 0.7, 0.7, 0.7, 5, 5));
        }
        EvaluationReport report = new EvaluationReport(EvaluationReport.CLASSES, "validation", 5 * n, names, per, null, null,
                0.7, confusion, null, null, List.of());
        return new ConfusionMatrixView(report, (a, p) -> { });
    }

    @Test
    void aSmallMatrixTakesItsOwnHeightAndALargeOneAtMost300(FxRobot robot) throws Exception {
        ConfusionMatrixView two = matrix(2);
        ConfusionMatrixView many = matrix(20);
        ScrollPane[] boxes = new ScrollPane[2];
        robot.interact(() -> {
            boxes[0] = EvaluationFigures.matrixScroll(two);
            boxes[1] = EvaluationFigures.matrixScroll(many);
            root.getChildren().setAll(boxes[0], boxes[1]);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double twoHigh = WaitForAsyncUtils.asyncFx(() -> two.prefHeight(-1)).get();
        assertThat(twoHigh).as("two classes").isLessThan(200);
        assertThat(WaitForAsyncUtils.asyncFx(() -> boxes[0].getViewportBounds().getHeight()).get())
                .as("the box of a %s px matrix", twoHigh).isLessThanOrEqualTo(twoHigh + 1).isGreaterThanOrEqualTo(twoHigh - 1);
        assertThat(WaitForAsyncUtils.asyncFx(() -> boxes[1].getViewportBounds().getHeight()).get())
                .as("twenty classes: scrolled in 300 px").isLessThanOrEqualTo(301);
        // squeezed by what is under it (the table and chart at 1024 × 700), the small matrix keeps its height
        robot.interact(() -> {
            javafx.scene.layout.Region below = new javafx.scene.layout.Region();
            below.setPrefHeight(500);
            below.setMinHeight(0);
            javafx.scene.layout.VBox column = new javafx.scene.layout.VBox(boxes[0], below);
            column.setMaxHeight(300);
            root.getChildren().setAll(column);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> boxes[0].getViewportBounds().getHeight()).get())
                .as("the small matrix squeezed").isGreaterThanOrEqualTo(twoHigh - 1);
    }
}
