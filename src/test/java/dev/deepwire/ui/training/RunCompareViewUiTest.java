package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.TrainingSettings;
import dev.deepwire.sweep.SweepRunRecord;
import dev.deepwire.testing.KeptRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableCell;
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

    /** A kept run: run.json (a sweep's, with its varied settings, or a plain one) and its epochs' metrics. */
    private static void run(String name, String swept, String status, double[] losses, double[] accuracies) throws Exception {
        Path runs = dir.resolve("runs");
        boolean finished = status.equals("FINISHED");
        Path d = swept == null
                ? KeptRuns.run(runs, name, "marker", "/p/marker.dwproj", TrainingSettings.defaults(), "finished", 20, 0.5,
                        Double.NaN)
                : KeptRuns.sweepRun(runs, name, new SweepRunRecord("marker", "/p/marker.dwproj", finished,
                        finished ? null : "the loss diverged", 20, Double.NaN, 0.5, "validation loss", Double.NaN,
                        TrainingSettings.defaults(), Map.of("attn.heads", swept, "seed", "42")));
        KeptRuns.epochs(d, 10, 0.9, losses, accuracies, null);
    }

    /** A kept run of a knowledge graph that selects on MRR (adagrad 0.1, batch 256), with {@code mrr} recorded. */
    private static Path linksRun(Path runsDir, String name, long seed, double mrr) throws Exception {
        return KeptRuns.run(runsDir, name, "links", "/p/links.dwproj",
                new TrainingSettings(10, 256, "adagrad", 0.1, seed, 0, 0).withSelectOn("mrr"), "finished", 40, 0.05, mrr);
    }

    /** A finished run of the marker (seed 1, no accuracy recorded), its metrics left to the test. */
    private static Path markerRun(Path runsDir, String name) throws Exception {
        return KeptRuns.run(runsDir, name, "marker", "/p/marker.dwproj", TrainingSettings.defaults().withSeed(1),
                "finished", 20, Double.NaN, Double.NaN);
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
            view[0] = new RunCompareView(runs, "loss", problems::add, new RunCompareModel(Runnable::run, Runnable::run));
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

    @Test
    void knowledgeGraphRunsRankOnTheKeptModelsMrrAndOneRunOfOneEpochIsDrawn(FxRobot robot) throws Exception {
        // Runs… Compare could not rank wordnet-links runs on MRR (run.json kept none), and one run chosen (one epoch:
        // one point, lines only) left an empty chart on a 0–125 axis.
        Path runsDir = dir.resolve("kg-runs");
        String[] names = {"links-old", "links-a", "links-b"};
        Double[] mrrs = {null, 0.21, 0.34};
        for (int i = 0; i < names.length; i++) {
            Path d = linksRun(runsDir, names[i], 42, Double.NaN);
            // the evaluation as the window records it (RunEvaluation), the oldest as older versions did: a note, no figure
            RunEvaluation.record(d, mrrs[i] == null
                    ? Map.of("validation", Map.of("kind", "link-prediction", "split", "validation", "examples", 900,
                            "note", "MRR and hits@k are reported by the link-prediction report"))
                    : Map.of("validation", Map.of("kind", "link-prediction", "queries", 400, "mrr", mrrs[i], "hits1", 0.1,
                            "hits3", 0.2, "hits10", 0.9 - mrrs[i]), "test", Map.of("mrr", mrrs[i] - 0.01)));
            KeptRuns.epochs(d, 40, 7.0, new double[] {8.1}, new double[] {0.05}, null);
        }
        List<RunHistory.Run> runs = RunHistory.list(runsDir);
        assertThat(runs).filteredOn(r -> r.dir().getFileName().toString().equals("links-b")).singleElement()
                .satisfies(r -> assertThat(r.toString()).contains("validation filtered MRR 0.340"));
        assertThat(runs).filteredOn(r -> r.dir().getFileName().toString().equals("links-old")).singleElement()
                .satisfies(r -> assertThat(r.toString()).as("an older record still loads").doesNotContain("MRR"));
        RunCompareView[] view = new RunCompareView[1];
        robot.interact(() -> {
            view[0] = new RunCompareView(runs, "mrr", problems::add, new RunCompareModel(Runnable::run, Runnable::run));
            stage.setScene(new Scene(view[0], 1000, 640));
        });
        var table = view[0].table();
        assertThat(robot.lookup("#runs-compare-metric").queryAs(ComboBox.class).getValue())
                .as("a run that selects on MRR is compared on it").isEqualTo(RunComparison.Metric.VALIDATION_MRR);
        assertThat(table.getItems()).extracting(RunComparison.Row::name).containsExactly("links-b", "links-a", "links-old");
        assertThat(table.getItems()).extracting(r -> r.shown(RunComparison.Metric.VALIDATION_MRR))
                .containsExactly("0.3400", "0.2100", "—");
        assertThat(table.getItems().get(0).shown(RunComparison.Metric.TEST_MRR)).isEqualTo("0.3300");

        var chart = view[0].chart();
        assertThat(chart.getData()).as("the best run's curve as the view opens, not an empty 0–125 axis").singleElement()
                .satisfies(s -> assertThat(s.getName()).startsWith("links-b"));
        assertThat(chart.isVisible()).isTrue();
        robot.clickOn("links-a");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.getData()).singleElement().satisfies(s -> assertThat(s.getData()).hasSize(1));
        assertThat(chart.getCreateSymbols()).as("a one-epoch curve is a dot, not nothing").isTrue();
        assertThat(chart.getData().get(0).getData().get(0).getNode()).as("its dot is drawn").isNotNull();
        assertThat(view[0].chartNote().getText()).contains("measured once, on the model each run kept");
        assertThat(problems).isEmpty();
    }

    @Test
    void runsThatRecordedTheirMrrEachEpochAreComparedOnItsCurve(FxRobot robot) throws Exception {
        // Compare drew validation accuracy for runs ranked on MRR: metrics.csv kept no MRR per epoch.
        Path runsDir = dir.resolve("kg-curves");
        double[][] mrrs = {{0.10, 0.18, 0.25}, {0.12, 0.15, 0.16}};
        for (int i = 0; i < mrrs.length; i++) {
            Path d = linksRun(runsDir, "links-" + i, i, mrrs[i][2]);
            // as a run writes them: the epoch's row, then its ranking row
            KeptRuns.epochs(d, 40, 7, new double[] {8, 8, 8}, new double[] {0.05, 0.05, 0.05}, mrrs[i]);
        }
        RunCompareView[] view = new RunCompareView[1];
        robot.interact(() -> {
            view[0] = new RunCompareView(RunHistory.list(runsDir), "mrr", problems::add, new RunCompareModel(Runnable::run, Runnable::run));
            stage.setScene(new Scene(view[0], 1000, 640));
        });
        robot.clickOn("links-0");
        robot.press(javafx.scene.input.KeyCode.SHORTCUT).clickOn("links-1").release(javafx.scene.input.KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        var chart = view[0].chart();
        assertThat(chart.getYAxis().getLabel()).as("short enough to read beside a short chart").isEqualTo("validation MRR");
        assertThat(chart.getData()).hasSize(2);
        XYChart.Series<Number, Number> first = chart.getData().stream()
                .filter(s -> s.getName().startsWith("links-0")).findFirst().orElseThrow();
        assertThat(first.getData()).extracting(d -> d.getYValue().doubleValue()).containsExactly(0.10, 0.18, 0.25);
        assertThat(first.getData()).extracting(d -> d.getXValue().longValue()).containsExactly(40L, 80L, 120L);
        assertThat(view[0].chartNote().getText()).startsWith("The chart shows the validation filtered MRR each epoch")
                .doesNotContain("validation accuracy");

        @SuppressWarnings("unchecked")
        ComboBox<RunComparison.Metric> metric = robot.lookup("#runs-compare-metric").queryAs(ComboBox.class);
        robot.interact(() -> metric.getSelectionModel().select(RunComparison.Metric.BEST_VALIDATION_LOSS));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.getYAxis().getLabel()).as("a loss figure shows the loss curves").isEqualTo("validation loss");
        assertThat(problems).isEmpty();
    }

    @Test
    void aRunWhoseMetricsCannotBeReadSaysWhyInTheDialog(FxRobot robot) throws Exception {
        // Hand-edited run folders: a line of text among the rows read as a finished run that "stopped or failed before
        // an epoch ended"; a metrics.csv that is a folder said "Select runs above" in the dialog, its reason in the
        // status bar under the dialog.
        Path runsDir = dir.resolve("edited");
        for (String name : List.of("edited-text", "edited-folder", "edited-torn")) {
            markerRun(runsDir, name);
        }
        Files.writeString(runsDir.resolve("edited-text/metrics.csv"),
                "step,epoch,train_loss,val_loss,val_accuracy,val_mrr\n10,1,0.9,0.8,0.5,\nhello,world\n20,2,0.7,0.6,0.6,\n");
        Files.createDirectories(runsDir.resolve("edited-folder/metrics.csv"));
        Files.writeString(runsDir.resolve("edited-torn/metrics.csv"),
                "step,epoch,train_loss,val_loss,val_accuracy,val_mrr\r\n10,1,0.9,0.8,0.5,\r\n\r\n20,2,0.7,0.6,0.6,\r\n20,2,0.");
        RunCompareView[] view = new RunCompareView[1];
        robot.interact(() -> {
            view[0] = new RunCompareView(RunHistory.list(runsDir), "loss", problems::add, new RunCompareModel(Runnable::run, Runnable::run));
            stage.setScene(new Scene(view[0]));
        });
        var table = view[0].table();
        for (String name : List.of("edited-text", "edited-folder")) {
            int row = WaitForAsyncUtils.asyncFx(() -> table.getItems().stream().map(RunComparison.Row::name).toList()
                    .indexOf(name)).get();
            robot.interact(() -> table.getSelectionModel().clearAndSelect(row));
            WaitForAsyncUtils.waitForFxEvents();
            String note = WaitForAsyncUtils.asyncFx(() -> view[0].chartNote().getText()).get();
            assertThat(note).as(name).contains("Cannot read the curves of " + name).doesNotContain("Select runs above")
                    .doesNotContain("stopped or failed");
            if (name.equals("edited-text")) {
                assertThat(note).contains("line 3 of metrics.csv", "not a row", "'hello,world'")
                        .as("the run is named: its folder's path is not repeated").doesNotContain(runsDir.toString());
            }
        }
        int torn = WaitForAsyncUtils.asyncFx(() -> table.getItems().stream().map(RunComparison.Row::name).toList()
                .indexOf("edited-torn")).get();
        robot.interact(() -> table.getSelectionModel().clearAndSelect(torn));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> view[0].chart().getData().get(0).getData().stream()
                .map(d -> d.getYValue().doubleValue()).toList()).get())
                .as("CRLF line ends, a blank line and a torn last line: both epochs' rows stand").containsExactly(0.8, 0.6);
    }

    @Test
    void runsOfALongProjectNameAreToldApartByTheirEnds(FxRobot robot) throws Exception {
        // At 1024 × 700 every run of digits-caption read "digits-caption-20261207-031702-…": the end, where two runs of
        // a project differ (the time they started, the sweep's number), was the part cut off.
        Path runsDir = dir.resolve("long");
        for (String name : List.of("wordnet-links-distmult-20261207-031702-first", "wordnet-links-distmult-20261207-031702-second")) {
            Path d = KeptRuns.run(runsDir, name, "links", "/p/links.dwproj", TrainingSettings.defaults().withSeed(1),
                    "finished", 20, Double.NaN, Double.NaN);
            KeptRuns.epochs(d, 10, 0.9, new double[] {0.8}, new double[] {0.5}, null);
        }
        robot.interact(() -> stage.setScene(new Scene(new RunCompareView(RunHistory.list(runsDir), "loss", problems::add, new RunCompareModel(Runnable::run, Runnable::run)))));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#runs-compare-table .table-cell").queryAll()
                .stream().filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn().getText().equals("Run")
                        && c.getItem() != null)
                .map(n -> ((javafx.scene.text.Text) n.lookup(".text")).getText()).toList()).get();
        assertThat(shown).hasSize(2).anyMatch(t -> t.endsWith("first")).anyMatch(t -> t.endsWith("second"));
    }

    @Test
    void theRunsMetricsAreReadOffTheJavaFxThreadAndTheDialogSaysItIsReading(FxRobot robot) throws Exception {
        // Found in testing: Compare read every run's metrics.csv (up to 32 MB each) on the JavaFX thread, the window
        // held until it had; an unreadable file still says why in the dialog
        Path runsDir = dir.resolve("queued");
        KeptRuns.epochs(markerRun(runsDir, "queued-good"), 10, 0.9, new double[] {0.8, 0.6}, new double[] {0.5, 0.6}, null);
        markerRun(runsDir, "queued-edited");
        Files.writeString(runsDir.resolve("queued-edited/metrics.csv"), dev.deepwire.training.MetricsCsv.HEADER
                + "\n10,1,0.9,0.8,1.5,\n");
        java.util.concurrent.LinkedBlockingQueue<Runnable> queued = new java.util.concurrent.LinkedBlockingQueue<>();
        List<Boolean> readOnFxThread = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.Executor background = task -> queued.add(() -> {
            readOnFxThread.add(javafx.application.Platform.isFxApplicationThread());
            task.run();
        });
        RunCompareView[] view = new RunCompareView[1];
        List<RunHistory.Run> runs = RunHistory.list(runsDir);
        robot.interact(() -> {
            view[0] = new RunCompareView(runs, "loss", problems::add,
                    new RunCompareModel(background, javafx.application.Platform::runLater));
            stage.setScene(new Scene(view[0]));
        });
        assertThat(WaitForAsyncUtils.asyncFx(() -> view[0].table().getItems().size()).get())
                .as("nothing read on the JavaFX thread").isZero();
        assertThat(WaitForAsyncUtils.asyncFx(() -> view[0].chartNote().getText()).get()).isEqualTo("Reading the runs' metrics…");
        assertThat(WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.Label) view[0].table().getPlaceholder()).getText()).get())
                .isEqualTo("Reading the runs' metrics…");
        assertThat(WaitForAsyncUtils.asyncFx(() -> view[0].chart().isVisible()).get())
                .as("no axes made up for nothing while reading").isFalse();

        queued.take().run(); // the table's figures, read here on the test's thread
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> view[0].table().getItems().stream().map(RunComparison.Row::name).toList()).get())
                .containsExactly("queued-good", "queued-edited");
        assertThat(WaitForAsyncUtils.asyncFx(() -> view[0].table().getItems().get(1).metricsProblem()).get())
                .as("a run without figures says why").startsWith("line 2 of metrics.csv, column val_accuracy: 1.5");
        List<String> tips = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#runs-compare-table .table-row-cell")
                .queryAllAs(javafx.scene.control.TableRow.class).stream().filter(r -> r.getTooltip() != null)
                .map(r -> r.getTooltip().getText()).toList()).get();
        assertThat(tips).anySatisfy(t -> assertThat(t)
                .startsWith("queued-edited: finished\ncannot read its figures: line 2 of metrics.csv"));
        assertThat(WaitForAsyncUtils.asyncFx(() -> view[0].chartNote().getText()).get())
                .as("the best run is selected: its curves are read next").isEqualTo("Reading the curves of the runs selected…");
        queued.take().run();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> view[0].chart().getData().get(0).getData().stream()
                .map(d -> d.getYValue().doubleValue()).toList()).get()).containsExactly(0.8, 0.6);

        robot.interact(() -> view[0].table().getSelectionModel().clearAndSelect(1));
        queued.take().run();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> view[0].chartNote().getText()).get())
                .contains("Cannot read the curves of queued-edited: line 2 of metrics.csv, column val_accuracy: 1.5");
        assertThat(readOnFxThread).hasSize(3).containsOnly(false);
        assertThat(queued).isEmpty();
    }

    /**
     * A kept run of a million epoch rows (a 32 MB metrics.csv, or a run of the most epochs on a tiny dataset): its curve
     * was added to the chart point by point, each addition going over the whole series, and the window froze for good as
     * the run was chosen. It is drawn with at most {@link MetricsHistory#MOST_POINTS} points, its first and last kept.
     */
    @Test
    void aRunOfVeryManyEpochsIsDrawnWithAFewThousandPoints(FxRobot robot) throws Exception {
        Path runsDir = dir.resolve("many-epochs");
        Path d = markerRun(runsDir, "marker-long");
        int epochs = 60_000;
        double[] losses = new double[epochs];
        double[] accuracies = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            losses[e] = 1.0 / (e + 1);
            accuracies[e] = 0.5;
        }
        KeptRuns.epochs(d, 1, 0.9, losses, accuracies, null);
        RunCompareView[] view = new RunCompareView[1];
        robot.interact(() -> {
            view[0] = new RunCompareView(RunHistory.list(runsDir), "loss", problems::add,
                    new RunCompareModel(Runnable::run, Runnable::run));
            stage.setScene(new Scene(view[0], 1000, 640));
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<Double> xs = WaitForAsyncUtils.asyncFx(() -> view[0].chart().getData().get(0).getData().stream()
                .map(p -> p.getXValue().doubleValue()).toList()).get();
        assertThat(xs).hasSizeLessThanOrEqualTo(MetricsHistory.MOST_POINTS + 1).hasSizeGreaterThan(MetricsHistory.MOST_POINTS / 2);
        assertThat(xs.get(0)).isEqualTo(1.0);
        assertThat(xs.get(xs.size() - 1)).as("the last epoch is drawn").isEqualTo((double) epochs);
        assertThat(problems).isEmpty();
    }
}
