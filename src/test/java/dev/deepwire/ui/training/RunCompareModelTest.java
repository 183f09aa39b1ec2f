package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.training.MetricsCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs… ▸ Compare: a kept run's curves for the dock's charts are read on the background executor, not the caller's thread. */
class RunCompareModelTest {
    @TempDir
    Path dir;

    @Test
    void aRunsCurvesAreReadInTheBackgroundAndAnUnreadableFileSaysWhy() throws Exception {
        // Found in testing: Compare read the run's metrics.csv (up to 32 MB) on the JavaFX thread
        Files.writeString(dir.resolve("metrics.csv"), MetricsCsv.HEADER + "\n10,1,0.9,,,\n20,1,,0.8,0.5,\n");
        var run = new RunHistory.Run(dir, "p", null, "finished", 20, 0.5, "");
        Queue<Runnable> background = new ArrayDeque<>();
        Queue<Runnable> uiThread = new ArrayDeque<>();
        RunCompareModel model = new RunCompareModel(background::add, uiThread::add);
        List<MetricsHistory> shown = new ArrayList<>();
        List<String> problems = new ArrayList<>();

        model.curvesOf(run, shown::add, problems::add);
        assertThat(shown).as("nothing read by the caller").isEmpty();
        assertThat(background).hasSize(1);
        background.remove().run();
        assertThat(shown).as("handed back on the UI thread only").isEmpty();
        uiThread.remove().run();
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).validationAccuracy()).containsExactly(new MetricsHistory.Point(20, 0.5));

        Files.writeString(dir.resolve("metrics.csv"), MetricsCsv.HEADER + "\n20,1,,0.8,1.5,\n");
        model.curvesOf(run, shown::add, problems::add);
        background.remove().run();
        uiThread.remove().run();
        assertThat(shown).hasSize(1);
        assertThat(problems).singleElement().asString().startsWith("Cannot read " + dir)
                .contains("line 2 of").contains("column val_accuracy");
    }

    @Test
    void aRunKeptFromATrainedModelSaysItHasNoCurvesRatherThanThatAFileIsUnreadable() {
        // Seen in the real window: Compare with a run saved by the attention inspector's Apply said "Cannot read <folder>:
        // <folder>/metrics.csv", as if a file were damaged
        var run = new RunHistory.Run(dir, "marker", null, "head 3 of 'Self-attention' removed", 0, 0.631, "");
        Queue<Runnable> background = new ArrayDeque<>();
        Queue<Runnable> uiThread = new ArrayDeque<>();
        RunCompareModel model = new RunCompareModel(background::add, uiThread::add);
        List<String> problems = new ArrayList<>();
        model.curvesOf(run, h -> { }, problems::add);
        background.remove().run();
        uiThread.remove().run();
        assertThat(problems).singleElement().asString().startsWith(dir.getFileName() + " has no curves to compare")
                .contains("head 3 of 'Self-attention' removed").doesNotContain("Cannot read");
    }
}
