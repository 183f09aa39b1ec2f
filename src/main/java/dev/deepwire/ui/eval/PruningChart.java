package dev.deepwire.ui.eval;

import java.util.List;
import javafx.geometry.Side;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/**
 * The pruning lab's chart: the validation metric against the share of parameters removed, one line for heads
 * removed and one for weights pruned.
 */
final class PruningChart extends LineChart<Number, Number> {
    /** Pixels kept between the metric axis's title and its tick labels (JavaFX keeps a third of an em, about 4). */
    static final int TITLE_GAP = 10;
    private final String metric;
    private final NumberAxis y;
    private MetricScale scale;
    private final XYChart.Series<Number, Number> heads = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> weights = new XYChart.Series<>();

    PruningChart(String metric) {
        this(metric, true);
    }

    /**
     * {@code withHeads}: whether the model has heads to remove; without, the chart has no line for them (its legend had
     * offered "heads removed" beside a greyed-out Remove heads on a knowledge-graph model with no attention).
     */
    PruningChart(String metric, boolean withHeads) {
        super(new NumberAxis(0, 100, 10), new NumberAxis());
        this.metric = metric;
        this.y = (NumberAxis) getYAxis();
        // a share runs from 0 to 100 % (auto-ranged, the axis went to 110 %)
        getXAxis().setLabel("share of parameters removed (%)");
        y.setLabel(lines(metric));
        y.setForceZeroInRange(false);
        fit(); // before a run too: an accuracy from 0 to 1 (auto-ranged, it showed 0 to 125)
        // turned a quarter left, the title's bottom faces the tick labels; the share axis's title is left as it is (taller,
        // that axis shortened this one below its title's length at 1024 × 700: 'validation accur...')
        clearOfTicks(y, "0 0 " + TITLE_GAP + " 0");
        setId("prune-chart");
        setAnimated(false);
        heads.setName("heads removed");
        weights.setName("weights pruned (magnitude)");
        getData().addAll(withHeads ? List.of(heads, weights) : List.of(weights));
        setPrefHeight(260);
        setMinHeight(200);
        setLegendSide(Side.RIGHT); // which line is which, also when the window is short (1024 × 700)
    }

    /** The longest line of the metric axis's title that the axis shows whole at 1024 × 700. */
    static final int LINE = "validation accuracy".length();

    /**
     * The metric axis's title in lines of at most {@link #LINE} characters, broken at spaces: "validation filtered MRR"
     * and "validation top-1 accuracy (unfiltered)" on one line read "validation filtere…" and "validation top-1 …".
     */
    static String lines(String title) {
        return lines(title, LINE);
    }

    /** {@code title} in lines of at most {@code line} characters, broken at spaces (a longer word stays whole). */
    static String lines(String title, int line) {
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        for (String word : title.split(" ")) {
            if (out.length() > lineStart && out.length() - lineStart + 1 + word.length() > line) {
                out.append('\n');
                lineStart = out.length();
            } else if (out.length() > lineStart) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }

    XYChart.Series<Number, Number> heads() {
        return heads;
    }

    XYChart.Series<Number, Number> weights() {
        return weights;
    }

    /** Empties both lines. */
    void clear() {
        heads.getData().clear();
        weights.getData().clear();
        fit();
    }

    /** A point on {@code series}: {@code removed} % of the parameters gone, the metric then {@code value}. */
    void add(XYChart.Series<Number, Number> series, double removed, double value) {
        series.getData().add(new XYChart.Data<>(removed, value));
        fit();
    }

    /** The metric axis as {@link MetricScale} decides it for the points plotted (set, never auto-ranged). */
    private void fit() {
        boolean empty = heads.getData().isEmpty() && weights.getData().isEmpty();
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (var series : List.of(heads, weights)) {
            for (var d : series.getData()) {
                low = Math.min(low, d.getYValue().doubleValue());
                high = Math.max(high, d.getYValue().doubleValue());
            }
        }
        MetricScale scale = MetricScale.of(metric, low, high, empty);
        if (scale.equals(this.scale)) {
            return;
        }
        this.scale = scale;
        y.setAutoRanging(false);
        y.setLowerBound(scale.lower());
        y.setUpperBound(scale.upper());
        y.setTickUnit(scale.tick());
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return scale.label(value.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("tick labels are not read back");
            }
        });
    }

    /**
     * A gap between an axis's title and its tick labels: JavaFX's own, 4 px at the workbench's font, left a title's
     * descenders ("accuracy") all but touching the labels' first digits.
     */
    private static void clearOfTicks(NumberAxis axis, String padding) {
        axis.lookup(".axis-label").setStyle("-fx-padding: " + padding + ";");
    }
}
