package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** The chart shows every curve it is given: raw, validation, smoothed and the previous run. */
@ExtendWith(ApplicationExtension.class)
class MetricsChartTest {

    @Test
    void replacingAndAppendingShowEveryCurve() {
        MetricsChart chart = new MetricsChart("Loss", "loss", "training", "validation", "training (smoothed)", "previous run");
        List<MetricsHistory.Point> raw = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            raw.add(new MetricsHistory.Point(i, 3.0 / i));
        }
        List<MetricsHistory.Point> validation = List.of(new MetricsHistory.Point(25, 0.2), new MetricsHistory.Point(50, 0.1));
        chart.replace(List.of(raw, validation, MetricsHistory.smoothed(raw, 0.8), List.of()));
        assertThat(chart.pointsShown(0)).isEqualTo(50);
        assertThat(chart.pointsShown(1)).isEqualTo(2);
        assertThat(chart.pointsShown(2)).isEqualTo(50);
        assertThat(chart.pointsShown(3)).isZero();
        raw.add(new MetricsHistory.Point(51, 0.05));
        chart.update(List.of(raw, validation, List.of(), List.of()));
        assertThat(chart.pointsShown(0)).isEqualTo(51);
    }

    /**
     * A kept run's metrics.csv edited by hand (Infinity, 1e308 beside -1e308), shown as the previous run when the project
     * opened: every redraw threw "Must be finite" and the loss chart stayed blank. Those points are gaps; the rest is drawn.
     */
    @Test
    void valuesNoAxisCanHoldAreGapsAndTheChartStillDraws() {
        MetricsChart chart = new MetricsChart("Loss", "loss", "training", "validation", "training (smoothed)", "previous run");
        List<MetricsHistory.Point> previous = List.of(new MetricsHistory.Point(1, Double.POSITIVE_INFINITY),
                new MetricsHistory.Point(2, 1.0), new MetricsHistory.Point(10, 1e308), new MetricsHistory.Point(20, -1e308),
                new MetricsHistory.Point(30, Double.NEGATIVE_INFINITY), new MetricsHistory.Point(40, 0.5));
        for (boolean log : new boolean[] {false, true}) {
            chart.setLog(log);
            chart.replace(List.of(List.of(), List.of(), List.of(), previous));
            BufferedImage drawn = chart.viewer().getChart().createBufferedImage(420, 240);
            assertThat(drawn).isNotNull();
            double[] range = chart.valueRange();
            assertThat(range[0]).as("log " + log).isGreaterThanOrEqualTo(0.1).isLessThan(0.5);
            assertThat(range[1]).as("log " + log).isGreaterThan(1.0).isLessThanOrEqualTo(2.0);
        }
        assertThat(chart.pointsShown(3)).as("one point a row, the unplottable as gaps").isEqualTo(6);
    }

    @Test
    void anUpdateRedrawsTheChartOnceAndNotAtAllWhenNothingIsNew() {
        MetricsChart chart = new MetricsChart("Loss", "loss", "training", "validation", "training (smoothed)");
        int[] redraws = {0};
        chart.viewer().getChart().addChangeListener(e -> redraws[0]++);
        List<MetricsHistory.Point> raw = new ArrayList<>();
        List<MetricsHistory.Point> validation = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            raw.add(new MetricsHistory.Point(i, 3.0 / i));
        }
        validation.add(new MetricsHistory.Point(50, 0.2));
        chart.replace(List.of(raw, validation, MetricsHistory.smoothed(raw, 0.8)));
        assertThat(redraws[0]).isEqualTo(1);
        for (int i = 51; i <= 100; i++) {
            raw.add(new MetricsHistory.Point(i, 3.0 / i));
        }
        validation.add(new MetricsHistory.Point(100, 0.1));
        chart.update(List.of(raw, validation, MetricsHistory.smoothed(raw, 0.8))); // three curves grew
        assertThat(redraws[0]).isEqualTo(2);
        assertThat(chart.pointsShown(0)).isEqualTo(100);
        assertThat(chart.pointsShown(2)).isEqualTo(100);
        // The axes followed the new points although the chart was told only once.
        assertThat(chart.viewer().getChart().getXYPlot().getDomainAxis().getUpperBound()).isGreaterThanOrEqualTo(100);
        chart.update(List.of(raw, validation, MetricsHistory.smoothed(raw, 0.8))); // nothing new
        assertThat(redraws[0]).isEqualTo(2);
    }

    @Test
    void markingTheSameStepAgainDoesNotRedrawTheChart() {
        MetricsChart chart = new MetricsChart("Loss", "loss", "training");
        int[] changes = {0};
        chart.viewer().getChart().addChangeListener(e -> changes[0]++);
        chart.mark(Double.NaN); // no mark, none asked
        assertThat(changes[0]).isZero();
        chart.mark(40);
        int afterMark = changes[0];
        assertThat(afterMark).isPositive();
        assertThat(chart.markedAt()).isEqualTo(40.0);
        chart.mark(40);
        assertThat(changes[0]).isEqualTo(afterMark);
        chart.mark(Double.NaN);
        assertThat(chart.markedAt()).isNaN();
        assertThat(changes[0]).isGreaterThan(afterMark);
    }

    /** The value axis's tick labels as drawn at a dock's size. */
    private static List<String> tickLabels(MetricsChart chart) {
        return tickLabels(chart, false);
    }

    private static List<String> tickLabels(MetricsChart chart, boolean xAxis) {
        var info = new ChartRenderingInfo();
        chart.viewer().getChart().createBufferedImage(420, 240, info);
        var g2 = new BufferedImage(420, 240, BufferedImage.TYPE_INT_RGB).createGraphics();
        var plot = chart.viewer().getChart().getXYPlot();
        var axis = (NumberAxis) (xAxis ? plot.getDomainAxis() : plot.getRangeAxis());
        List<String> out = new ArrayList<>();
        for (Object t : axis.refreshTicks(g2, new AxisState(), info.getPlotInfo().getDataArea(),
                xAxis ? RectangleEdge.BOTTOM : RectangleEdge.LEFT)) {
            String text = ((ValueTick) t).getText();
            if (!text.isEmpty()) { // minor ticks carry no label
                out.add(text);
            }
        }
        return out;
    }

    @Test
    void aFlatCurveGetsTicksThatReadDifferently() {
        MetricsChart accuracy = new MetricsChart("Validation accuracy", "accuracy", "validation", "previous run");
        List<MetricsHistory.Point> flat = List.of(new MetricsHistory.Point(1, 1.0), new MetricsHistory.Point(2, 1.0),
                new MetricsHistory.Point(3, 1.0));
        accuracy.replace(List.of(flat, List.of()));
        List<String> ticks = tickLabels(accuracy);
        assertThat(ticks).hasSizeGreaterThan(1).doesNotHaveDuplicates();

        MetricsChart rate = new MetricsChart("Learning rate", "learning rate", "learning rate");
        rate.includeZero();
        rate.replace(List.of(List.of(new MetricsHistory.Point(1, 1e-3), new MetricsHistory.Point(2, 1e-3))));
        assertThat(tickLabels(rate)).hasSizeGreaterThan(1).doesNotHaveDuplicates();
    }

    @Test
    void theLearningRateAxisReadsPlainWhereItCanAndScientificForSmallRates() {
        // The empty chart of a new project had read "0E0 2E-1 4E-1 6E-1 8E-1 1E0".
        MetricsChart rate = new MetricsChart("Learning rate", "learning rate", "learning rate");
        rate.includeZero();
        assertThat(tickLabels(rate)).as("nothing trained yet").contains("0", "0.2", "1").noneMatch(t -> t.contains("E"));
        rate.replace(List.of(List.of(new MetricsHistory.Point(1, 1e-3), new MetricsHistory.Point(2, 1e-3))));
        assertThat(tickLabels(rate)).as("a rate of 0.001").contains("0").anyMatch(t -> t.matches("[0-9.]+E-[0-9]+"))
                .doesNotHaveDuplicates();
        RateTicks format = new RateTicks();
        assertThat(List.of(0.0, 0.5, 1.0, 0.001, 0.00025, 3e-6).stream().map(format::format).toList())
                .containsExactly("0", "0.5", "1", "1E-3", "2.5E-4", "3E-6");
    }

    @Test
    void onePointGetsStepTicksThatReadDifferently() {
        MetricsChart accuracy = new MetricsChart("Validation accuracy", "accuracy", "validation", "previous run");
        accuracy.replace(List.of(List.of(new MetricsHistory.Point(313, 0.105)), List.of()));
        assertThat(tickLabels(accuracy, true)).as("a one-epoch run's one validation point")
                .isNotEmpty().doesNotHaveDuplicates().allMatch(t -> t.matches("[0-9]+"));
    }

    /** Pixels of the previous run's colour in the chart drawn without its legend (whose key is drawn in it too). */
    private static long previousRunPixels(MetricsChart chart) {
        var drawn = chart.viewer().getChart();
        drawn.removeLegend();
        BufferedImage image = drawn.createBufferedImage(420, 240);
        long n = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                n += (image.getRGB(x, y) & 0xffffff) == 0x8a93a3 ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void aPreviousRunOfOneValidationFigureIsDrawn() {
        MetricsChart chart = new MetricsChart("Validation accuracy", "accuracy", "validation", "previous run");
        chart.dashed(1);
        chart.replace(List.of(List.of(), List.of(new MetricsHistory.Point(313, 0.096)))); // one epoch: one figure

        assertThat(chart.pointsShown(1)).isEqualTo(1);
        assertThat(previousRunPixels(chart)).as("the lone point is seen, not only the axis ranged to it").isPositive();
    }
}
