package dev.deepwire.ui.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pruning chart's metric axis: bounds that hold the points, round steps, short labels that tell ticks apart. */
class MetricScaleTest {
    @Test
    void anAccuracyRunsToOneInTenthsAndFromZeroBeforeAnyPoint() {
        assertThat(MetricScale.of("validation accuracy", 0, 0, true)).isEqualTo(new MetricScale(0, 1, 0.1));
        MetricScale s = MetricScale.of("validation accuracy", 0.9991, 0.9995, false);
        assertThat(s).as("0.9 to 1 in five steps, not two ticks").isEqualTo(new MetricScale(0.9, 1, 0.02));
        assertThat(List.of(s.label(0.9), s.label(0.92), s.label(1))).containsExactly("0.90", "0.92", "1.00");
        assertThat(MetricScale.of("validation accuracy", 0.41, 0.99, false)).isEqualTo(new MetricScale(0.4, 1, 0.1));
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({
        "0.042131, 0.043391, 0.0420, 0.0435",
        "0.00012345, 0.00013002, 1.22e-4, 1.32e-4",
        "12345.678, 13890.25, 12000, 14000",
        "1234567.8, 1389025.7, 1.20e6, 1.40e6",
        "123456789, 138902570, 1.20e8, 1.40e8",
        "0.6, 3.5, 0, 4",
        "0.25, 0.25, 0.245, 0.255",
        "-0.3, 0.7, -0.4, 0.8",
    })
    void aLossIsSpannedInRoundStepsWithShortDistinctLabels(double low, double high, String first, String last) {
        MetricScale s = MetricScale.of("validation loss", low, high, false);
        assertThat(s.lower()).isLessThanOrEqualTo(low);
        assertThat(s.upper()).isGreaterThanOrEqualTo(high);
        double steps = (s.upper() - s.lower()) / s.tick();
        assertThat(steps).as("about five steps").isBetween(2.0, 12.0);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i <= Math.round(steps); i++) {
            labels.add(s.label(s.lower() + i * s.tick()));
        }
        assertThat(labels).doesNotHaveDuplicates().allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(8));
        assertThat(labels.get(0)).isEqualTo(first);
        assertThat(labels.get(labels.size() - 1)).isEqualTo(last);
    }
}
