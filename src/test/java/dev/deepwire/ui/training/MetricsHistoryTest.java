package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.training.MetricsCsv;
import dev.deepwire.training.TrainingEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsHistoryTest {

    @Test
    void smoothingIsAnExponentialMovingAverage() {
        var points = List.of(new MetricsHistory.Point(1, 4), new MetricsHistory.Point(2, 2), new MetricsHistory.Point(3, 2));
        var s = MetricsHistory.smoothed(points, 0.5);
        assertThat(s).extracting(MetricsHistory.Point::value).containsExactly(4.0, 3.0, 2.5);
        assertThat(MetricsHistory.smoothed(points, 0)).isEqualTo(points);
    }

    @Test
    void theLiveSmootherExtendsTheCurveAndStartsOverOnANewRunOrSmoothing() {
        List<MetricsHistory.Point> raw = new ArrayList<>();
        MetricsHistory.Smoother smoother = new MetricsHistory.Smoother();
        Random random = new Random(7);
        for (int i = 1; i <= 300; i++) {
            raw.add(new MetricsHistory.Point(i, random.nextDouble()));
            if (i % 37 == 0) {
                assertThat(smoother.of(raw, 0.8)).isEqualTo(MetricsHistory.smoothed(raw, 0.8));
            }
        }
        List<MetricsHistory.Point> grown = smoother.of(raw, 0.8);
        assertThat(grown).isEqualTo(MetricsHistory.smoothed(raw, 0.8));
        assertThat(smoother.of(raw, 0.5)).isEqualTo(MetricsHistory.smoothed(raw, 0.5)); // the slider moved
        raw.clear(); // a new run, in the same list, quickly longer than before
        for (int i = 1; i <= 400; i++) {
            raw.add(new MetricsHistory.Point(i, 10 + random.nextDouble()));
        }
        assertThat(smoother.of(raw, 0.5)).isEqualTo(MetricsHistory.smoothed(raw, 0.5));
    }

    @Test
    void csvIsARunsMetricsLayoutAndReadsBackAsTheSameCurves(@TempDir Path dir) throws Exception {
        MetricsHistory h = new MetricsHistory();
        h.setStepsPerEpoch(2);
        h.trainLoss().addAll(List.of(new MetricsHistory.Point(1, 3), new MetricsHistory.Point(2, 2.5),
                new MetricsHistory.Point(3, 2.25)));
        h.validationLoss().add(new MetricsHistory.Point(2, 2.75));
        h.validationAccuracy().add(new MetricsHistory.Point(2, 0.25));
        h.validationMrr().add(new MetricsHistory.Point(2, 0.125));
        assertThat(h.toCsv().lines().toList()).containsExactly(MetricsCsv.HEADER,
                "1,1,3.000000,,,", "2,1,2.500000,,,", "2,1,,2.750000,0.250000,", "2,1,,,,0.125000", "3,2,2.250000,,,");
        Files.writeString(dir.resolve("metrics.csv"), h.toCsv());
        MetricsHistory back = RunHistory.curves(new RunHistory.Run(dir, "p", null, "finished", 3, 0.25, ""));
        assertThat(back.trainLoss()).isEqualTo(h.trainLoss());
        assertThat(back.validationLoss()).isEqualTo(h.validationLoss());
        assertThat(back.validationAccuracy()).isEqualTo(h.validationAccuracy());
        assertThat(back.validationMrr()).isEqualTo(h.validationMrr());
    }

    @Test
    void aRunsMetricsFileReadsBackAsItsCurves(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("metrics.csv");
        try (MetricsCsv csv = new MetricsCsv(file, 2)) {
            csv.onEvent(new TrainingEvent.StepCompleted(1, 1, 3.0, 100));
            csv.onEvent(new TrainingEvent.StepCompleted(2, 1, 2.5, 100));
            csv.onEvent(new TrainingEvent.EpochCompleted(1, 2, 2.6, 2.75, 0.25));
            csv.onEvent(new TrainingEvent.SelectionMeasured(1, 2, TrainingEvent.SelectionMeasured.MRR, 0.3));
        }
        Files.writeString(file, "3,2,2.2", StandardOpenOption.APPEND); // torn by a crash
        MetricsHistory back = RunHistory.curves(new RunHistory.Run(dir, "p", null, "failed", 3, 0.25, ""));
        assertThat(back.trainLoss()).containsExactly(new MetricsHistory.Point(2, 2.5));
        assertThat(back.validationLoss()).containsExactly(new MetricsHistory.Point(2, 2.75));
        assertThat(back.validationAccuracy()).containsExactly(new MetricsHistory.Point(2, 0.25));
        assertThat(back.validationMrr()).containsExactly(new MetricsHistory.Point(2, 0.3));
    }

    @Test
    void aMetricsFileOfFiveColumnsFromBeforeTheMrrColumnStillReads(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("metrics.csv"), "step,epoch,train_loss,val_loss,val_accuracy\n"
                + "1,1,3.000000,,\n2,1,2.500000,,\n2,1,,2.750000,0.250000\n");
        MetricsHistory back = RunHistory.curves(new RunHistory.Run(dir, "p", null, "finished", 2, 0.25, ""));
        assertThat(back.trainLoss()).containsExactly(new MetricsHistory.Point(1, 3), new MetricsHistory.Point(2, 2.5));
        assertThat(back.validationAccuracy()).containsExactly(new MetricsHistory.Point(2, 0.25));
        assertThat(back.validationMrr()).isEmpty();
    }

    @Test
    void aNewRunKeepsThePreviousCurvesForComparison() {
        MetricsHistory h = new MetricsHistory();
        h.trainLoss().add(new MetricsHistory.Point(1, 3));
        h.validationAccuracy().add(new MetricsHistory.Point(1, 0.5));
        h.clear();
        assertThat(h.trainLoss()).isEmpty();
        assertThat(h.previousTrainLoss()).containsExactly(new MetricsHistory.Point(1, 3));
        assertThat(h.previousValidationAccuracy()).hasSize(1);
    }

    @Test
    void aMetricsFileOverItsLimitIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        // a hand-made 100 MB metrics.csv held the window for seconds and took gigabytes as Compare read it
        Path file = dir.resolve("metrics.csv");
        try (var f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(dev.deepwire.limits.Limits.METRICS_FILE_BYTES + 1);
        }
        var run = new RunHistory.Run(dir, "p", null, "finished", 3, 0.25, "");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunHistory.curves(run))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("the limit for a metrics file is 32 MB");
    }

    @Test
    void aRowWhoseAccuracyOrMrrIsOutsideZeroToOneIsRefusedWithItsLineAndColumn(@TempDir Path dir) throws Exception {
        // a hand-edited val_mrr of 7.5 (or an accuracy of 1.7) was drawn as it was, on an axis made up for it
        Path file = dir.resolve("metrics.csv");
        var run = new RunHistory.Run(dir, "p", null, "finished", 2, 0.25, "");
        Files.writeString(file, MetricsCsv.HEADER + "\n1,1,3.000000,,,\n2,1,,2.750000,0.250000,\n2,1,,,,7.500000\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunHistory.curves(run))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("line 4 of " + file).hasMessageContaining("column val_mrr").hasMessageContaining("7.5");
        Files.writeString(file, MetricsCsv.HEADER + "\n1,1,3.000000,,,\n2,1,,2.750000,1.700000,\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunHistory.curves(run))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("line 3 of " + file).hasMessageContaining("column val_accuracy");
        Files.writeString(file, MetricsCsv.HEADER + "\n2,1,,2.750000,-0.100000,\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunHistory.curves(run))
                .hasMessageContaining("line 2 of " + file).hasMessageContaining("column val_accuracy");
        // the bounds themselves, and a NaN accuracy (none measured), still read
        Files.writeString(file, MetricsCsv.HEADER + "\n2,1,,2.750000,1.000000,0.000000\n3,1,,2.700000,NaN,\n");
        assertThat(RunHistory.curves(run).validationAccuracy()).hasSize(2);
    }
}
