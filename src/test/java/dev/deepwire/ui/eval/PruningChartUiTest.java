package dev.deepwire.ui.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.Axis;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The pruning chart's y-axis title never overlaps its tick labels, whatever the metric's values (an accuracy near 1, a
 * loss in a narrow band, a large loss), at the chart sizes the Evaluate window gives it at 1024 × 700 and 1440 × 900.
 */
@ExtendWith(ApplicationExtension.class)
class PruningChartUiTest {
    /**
     * Pixels at least between a title's words and a tick label's: JavaFX's own inset (a third of an em) left
     * about 4 px from the title's descenders to the labels' digits.
     */
    private static final double GAP = 8;
    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        // the chart is given each size itself: the stage is shared by the UI tests of this JVM, and a size set on it
        // stays for the tests after (the step mode's and the settings' clicks then missed)
        Scene scene = new Scene(root, 1100, 300);
        scene.getStylesheets().add(PruningChartUiTest.class.getResource("/dev/deepwire/ui/workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @ParameterizedTest(name = "{0} at {1} × {2}: {3}")
    @CsvSource(delimiter = '|', value = {
        "validation accuracy | 980  | 200 | 0.9995 0.958 0.602 0.412 0.9995 0.997 0.7125 0.138 0.05",
        "validation accuracy | 1076 | 260 | 0.9995 0.9993 0.9991",
        "validation filtered MRR | 980 | 200 | 0.111 0.108 0.09 0.05",
        "validation match accuracy | 980 | 200 | 0.9995 0.958 0.602",
        "validation per-step accuracy | 980 | 200 | 0.9995 0.958 0.602",
        "validation true/corrupted accuracy | 980 | 200 | 0.9995 0.958 0.602",
        "validation top-1 accuracy (unfiltered) | 980 | 200 | 0.9995 0.958 0.602",
        "validation loss     | 980  | 200 | 0.042131 0.042877 0.043391 0.043012",
        "validation loss     | 1076 | 260 | 0.042131 0.042877 0.043391 0.043012",
        "validation loss     | 980  | 200 | 0.00012345 0.00012871 0.00013002",
        "validation loss     | 980  | 200 | 12345.678 12871.5 13890.25",
        "validation loss     | 1076 | 260 | 1234567.8 1287150.2 1389025.7",
    })
    void theAxisTitleKeepsClearOfTheTickLabels(String metric, double width, double height, String values, FxRobot robot) {
        PruningChart[] chart = new PruningChart[1];
        robot.interact(() -> {
            chart[0] = new PruningChart(metric);
            chart[0].setMinSize(width, height);
            chart[0].setPrefSize(width, height);
            chart[0].setMaxSize(width, height);
            root.getChildren().setAll(chart[0]);
        });
        double share = 0;
        for (String v : values.trim().split("\\s+")) { // one point at a time, laid out in between, as the lab adds them
            double removed = share;
            robot.interact(() -> chart[0].add(removed < 30 ? chart[0].heads() : chart[0].weights(), removed,
                    Double.parseDouble(v)));
            share += 10;
        }
        robot.interact(() -> { });
        Axis<Number> y = chart[0].getYAxis();
        Bounds title = titleBounds(y);
        List<String> texts = new ArrayList<>();
        for (Text t : ticks(y)) {
            Bounds b = t.localToScene(t.getBoundsInLocal());
            texts.add(t.getText());
            assertThat(b.getMinX() - title.getMaxX()).as("room between the title '%s' and the tick label '%s'", metric,
                    t.getText()).isGreaterThanOrEqualTo(GAP);
        }
        assertThat(texts).as("tick labels shown").hasSizeGreaterThanOrEqualTo(2);
        assertThat(texts).as("tick labels tell their values apart").doesNotHaveDuplicates();
        assertThat(texts).as("tick labels are short").allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(8));
        Text words = (Text) y.lookup(".axis-label").lookup(".text");
        assertThat(words.getText().replace('\n', ' ')).as("the title whole, not cut with '…'").isEqualTo(metric);
    }

    private static Bounds titleBounds(Axis<Number> axis) {
        Node title = axis.lookup(".axis-label").lookup(".text"); // the words, not the label's box (padding and all)
        return title.localToScene(title.getBoundsInLocal());
    }

    private static List<Text> ticks(Parent axis) {
        List<Text> out = new ArrayList<>();
        for (Node n : axis.getChildrenUnmodifiable()) {
            if (n instanceof Text t && t.isVisible() && !t.getText().isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
