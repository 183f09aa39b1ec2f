package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

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
        java.util.List<MetricsHistory.Point> raw = new java.util.ArrayList<>();
        MetricsHistory.Smoother smoother = new MetricsHistory.Smoother();
        java.util.Random random = new java.util.Random(7);
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
    void csvHasOneRowPerStepWithValidationAtEpochEnds() {
        MetricsHistory h = new MetricsHistory();
        h.setStepsPerEpoch(2);
        h.trainLoss().addAll(List.of(new MetricsHistory.Point(1, 3), new MetricsHistory.Point(2, 2.5)));
        h.validationLoss().add(new MetricsHistory.Point(2, 2.75));
        h.validationAccuracy().add(new MetricsHistory.Point(2, 0.25));
        assertThat(h.toCsv().lines().toList()).containsExactly("step,epoch,train_loss,val_loss,val_accuracy",
                "1,1,3.000000,,", "2,1,2.500000,2.750000,0.250000");
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
}
