package dev.deepwire.ui.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.training.eval.EvaluationReport;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The confusion matrix with many classes: its turned column headers stay above the cells, none drawn over one. */
@ExtendWith(ApplicationExtension.class)
class ConfusionMatrixViewUiTest {
    private static final int N = 12;
    private ConfusionMatrixView view;

    @Start
    void start(Stage stage) {
        List<String> names = new ArrayList<>(List.of("<pad>", "a rather long class name", "<unk>"));
        while (names.size() < N) {
            names.add("word " + names.size());
        }
        long[][] confusion = new long[N][N];
        List<EvaluationReport.ClassFigures> per = new ArrayList<>();
        for (int c = 0; c < N; c++) {
            confusion[c][c] = 5 + c;
            confusion[c][(c + 1) % N] = 2;
            per.add(new EvaluationReport.ClassFigures(names.get(c), 0.7, 0.7, 0.7, 7 + c, 7 + c));
        }
        EvaluationReport report = new EvaluationReport(EvaluationReport.CLASSES, "validation", 200, names, per, null, null,
                0.7, confusion, null, null, List.of());
        view = new ConfusionMatrixView(report, (a, p) -> { });
        stage.setScene(new Scene(new ScrollPane(view), 900, 700));
        stage.show();
    }

    @Test
    void turnedHeadersTakeTheirOwnRowAndCoverNoCell(FxRobot robot) {
        robot.interact(() -> { });
        List<Label> heads = robot.lookup((Node n) -> n instanceof Label l && l.getRotate() != 0).queryAllAs(Label.class)
                .stream().toList();
        assertThat(heads).hasSize(N);
        for (Label head : heads) {
            Bounds drawn = head.localToScene(head.getBoundsInLocal());
            for (int p = 0; p < N; p++) {
                Label cell = robot.lookup("#eval-cell-0-" + p).queryAs(Label.class);
                Bounds first = cell.localToScene(cell.getBoundsInLocal());
                assertThat(drawn.getMaxY()).as("header '%s' above the first row's cell %d", head.getText(), p)
                        .isLessThanOrEqualTo(first.getMinY() + 0.5);
            }
        }
    }
}
