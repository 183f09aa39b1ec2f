package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Runs… compare: the runs ranked by the chosen figure, settings and status shown, selected runs' curves overlaid. */
@ExtendWith(ApplicationExtension.class)
class RunCompareViewUiTest {
    @TempDir
    static Path dir;
    private Stage stage;
    private final List<String> problems = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    /** A kept run: run.json (a sweep's, with its varied settings, or a plain one) and two epochs of metrics. */
    private static void run(String name, String swept, String status, double[] losses, double[] accuracies) throws Exception {
        Path d = Files.createDirectories(dir.resolve("runs").resolve(name));
        Files.writeString(d.resolve("run.json"), "{\"project\":\"marker\",\"projectFile\":\"/p/marker.dwproj\","
                + "\"outcome\":\"" + status.toLowerCase() + "\",\"steps\":20,\"validationAccuracy\":0.5,"
                + "\"settings\":{\"optimizer\":\"adam\",\"learningRate\":0.001,\"batchSize\":64,\"seed\":42}"
                + (swept == null ? "" : ",\"status\":\"" + status + "\",\"swept\":{\"attn.heads\":\"" + swept + "\",\"seed\":\"42\"}")
                + "}");
        StringBuilder csv = new StringBuilder("step,epoch,train_loss,val_loss,val_accuracy\n");
        for (int e = 0; e < losses.length; e++) {
            csv.append(10 * (e + 1)).append(",").append(e + 1).append(",0.9,").append(losses[e]).append(",")
                    .append(accuracies[e]).append("\n");
        }
        Files.writeString(d.resolve("metrics.csv"), csv.toString());
    }

    @Test
    void runsAreRankedByTheChosenFigureAndSelectedRunsAreOverlaid(FxRobot robot) throws Exception {
        run("marker-sweep-1", "2", "FINISHED", new double[] {0.9, 0.5}, new double[] {0.60, 0.70});
        run("marker-sweep-2", "4", "FINISHED", new double[] {0.8, 0.3}, new double[] {0.65, 0.68});
        run("marker-sweep-3", "8", "FAILED", new double[] {}, new double[] {});
        run("marker-20261205-101010", null, "FINISHED", new double[] {0.7, 0.6}, new double[] {0.90, 0.95});
        List<RunHistory.Run> runs = RunHistory.list(dir.resolve("runs"));
        RunCompareView[] view = new RunCompareView[1];
        robot.interact(() -> {
            view[0] = new RunCompareView(runs, "loss", problems::add);
            stage.setScene(new Scene(view[0], 1000, 640));
        });
        var table = view[0].table();

        assertThat(table.getItems()).extracting(RunComparison.Row::name)
                .containsExactly("marker-sweep-2", "marker-sweep-1", "marker-20261205-101010", "marker-sweep-3");
        assertThat(table.getItems().get(0).settings()).isEqualTo("attn.heads=4, seed=42");
        assertThat(table.getItems().get(2).settings()).contains("adam").contains("seed 42");
        assertThat(table.getItems().get(3).status()).isEqualTo("FAILED");
        assertThat(table.getItems().get(3).shown(RunComparison.Metric.BEST_VALIDATION_LOSS)).isEqualTo("—");
        assertThat(robot.lookup("#runs-compare-table .column-header .label").queryAll())
                .anyMatch(n -> ((javafx.scene.control.Label) n).getText().equals("best validation loss"));

        @SuppressWarnings("unchecked")
        ComboBox<RunComparison.Metric> metric = robot.lookup("#runs-compare-metric").queryAs(ComboBox.class);
        robot.interact(() -> metric.getSelectionModel().select(RunComparison.Metric.BEST_VALIDATION_ACCURACY));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).extracting(RunComparison.Row::name)
                .containsExactly("marker-20261205-101010", "marker-sweep-1", "marker-sweep-2", "marker-sweep-3");

        robot.clickOn("marker-sweep-1");
        robot.press(javafx.scene.input.KeyCode.SHORTCUT).clickOn("marker-sweep-2").release(javafx.scene.input.KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        var chart = view[0].chart();
        assertThat(chart.getData()).hasSize(2);
        assertThat(chart.getData()).extracting(XYChart.Series::getName)
                .containsExactlyInAnyOrder("marker-sweep-1 (attn.heads=2, seed=42)", "marker-sweep-2 (attn.heads=4, seed=42)");
        XYChart.Series<Number, Number> first = chart.getData().stream()
                .filter(s -> s.getName().startsWith("marker-sweep-1")).findFirst().orElseThrow();
        assertThat(first.getData()).extracting(d -> d.getYValue().doubleValue()).containsExactly(0.60, 0.70);
        assertThat(chart.getYAxis().getLabel()).isEqualTo("validation accuracy");
        assertThat(problems).isEmpty();
    }
}
