package dev.deepwire.ui.training;

import dev.deepwire.ui.theme.ThemeWatch;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A live line chart (JFreeChart) of a few curves over training steps. New points are appended in one
 * batch per frame with change notifications held back until the batch is in.
 */
final class MetricsChart {
    /** The least height a chart is drawn at (axes, legend and a readable plot). */
    static final double MIN_HEIGHT = 170;
    private final ChartViewer viewer;
    private final XYSeries[] series;
    private final int[] shown;
    private final XYPlot plot;
    private final JFreeChart chart;
    /** The least span of the value axis when every value shown is zero (see {@link #keepTicksApart}). */
    private double leastSpan = 1e-9;

    MetricsChart(String title, String yLabel, String... names) {
        XYSeriesCollection data = new XYSeriesCollection();
        series = new XYSeries[names.length];
        shown = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            series[i] = new XYSeries(names[i], false, true);
            data.addSeries(series[i]);
        }
        chart = ChartFactory.createXYLineChart(title, "step", yLabel, data, PlotOrientation.VERTICAL,
                true, true, false);
        chart.getTitle().setFont(new Font("DejaVu Sans", Font.BOLD, 12));
        plot = chart.getXYPlot();
        paint(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false) {
            @Override
            public boolean getItemShapeVisible(int s, int item) {
                // a curve of one point has no line to draw: a one-epoch run's validation figure, shown as the previous
                // run beside the next, was not drawn at all (the axis ranged to it, the plot stayed empty)
                return super.getItemShapeVisible(s, item) || series[s].getItemCount() == 1;
            }
        };
        // Each curve as one path: a line segment per point was one canvas operation each, and the loss curve has a
        // point per step (thousands), redrawn in software every second while training.
        renderer.setDrawSeriesLineAsPath(true);
        Color[] colours = {new Color(0x61, 0xaf, 0xef), new Color(0xe5, 0xc0, 0x7b), new Color(0x98, 0xc3, 0x79)};
        for (int i = 0; i < names.length; i++) {
            renderer.setSeriesPaint(i, colours[i % colours.length]);
            renderer.setSeriesStroke(i, new BasicStroke(1.6f));
            renderer.setSeriesShapesVisible(i, names[i].startsWith("validation"));
        }
        plot.setRenderer(renderer);
        // Later series on top (JFreeChart draws the first last by default, hiding the smoothed curve).
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        if (names.length > 2 && names[2].contains("smoothed")) {
            renderer.setSeriesPaint(0, new Color(0x61, 0xaf, 0xef, 110)); // raw steps faint under the smoothed curve
            renderer.setSeriesPaint(2, new Color(0x61, 0xaf, 0xef));
            renderer.setSeriesStroke(2, new BasicStroke(2.2f));
            renderer.setSeriesPaint(1, new Color(0xe5, 0xc0, 0x7b));
        }
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        // Steps and epochs are counted in whole numbers: one point (a one-epoch run's validation figure at step 313)
        // gave the x axis no width, and every tick read "3.13E2".
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeMinimumSize(2);
        viewer = new ChartViewer(chart);
        ThemeWatch.watch(viewer, this::paint);
        viewer.setPrefSize(420, 240);
        viewer.setMinHeight(MIN_HEIGHT); // a short dock scrolls rather than squashing the plot to a strip
    }

    private boolean light;

    /** The chart's own colours for the dark or light theme (JFreeChart draws them; no stylesheet reaches it). */
    void paint(boolean light) {
        this.light = light;
        Color background = light ? new Color(0xf4, 0xf5, 0xf7) : new Color(0x1d, 0x20, 0x25);
        Color text = light ? new Color(0x2b, 0x31, 0x37) : new Color(0xc8, 0xcc, 0xd4);
        Color grid = light ? new Color(0xd5, 0xd9, 0xe0) : new Color(0x3a, 0x3f, 0x48);
        chart.setBackgroundPaint(background);
        chart.getTitle().setPaint(text);
        chart.getLegend().setBackgroundPaint(background);
        chart.getLegend().setItemPaint(text);
        plot.setBackgroundPaint(light ? Color.WHITE : new Color(0x17, 0x19, 0x1d));
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        for (var axis : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
            axis.setLabelPaint(text);
            axis.setTickLabelPaint(text);
        }
    }

    /** Whether the chart is drawn in the light theme's colours (for tests). */
    boolean light() {
        return light;
    }

    ChartViewer viewer() {
        return viewer;
    }

    /**
     * Appends the points of each list not shown yet; the chart is redrawn once, and only when a point was added (a
     * notification per curve redrew the whole chart once per curve).
     */
    void update(List<List<MetricsHistory.Point>> sources) {
        boolean held = false;
        try {
            for (int i = 0; i < series.length; i++) {
                List<MetricsHistory.Point> points = sources.get(i);
                if (points.size() == shown[i]) {
                    continue;
                }
                if (!held && chart.isNotify()) { // (held already when called from replace)
                    chart.setNotify(false);
                    held = true;
                }
                series[i].setNotify(false);
                if (points.size() < shown[i]) {
                    series[i].clear();
                    shown[i] = 0;
                }
                for (int k = shown[i]; k < points.size(); k++) {
                    series[i].add(points.get(k).step(), plottable(points.get(k).value()), false);
                }
                shown[i] = points.size();
                series[i].setNotify(true); // the plot rescales its axes; the chart, held, does not redraw yet
            }
        } finally {
            keepTicksApart();
            if (held) {
                chart.setNotify(true); // one redraw
            }
        }
    }

    /**
     * {@code v}, or NaN (a gap in the curve) where no axis can hold it: an infinite value, or one beyond a float's
     * range, which no run trains to (DL4J computes in floats) — a kept run's metrics.csv edited or damaged by hand
     * ({@code Infinity}, {@code 1e308} beside {@code -1e308}) had made every redraw of the chart throw ("Must be
     * finite"), the loss chart left blank from the moment the project opened.
     */
    static double plottable(double v) {
        return Math.abs(v) <= Float.MAX_VALUE ? v : Double.NaN;
    }

    /**
     * A flat curve (a constant learning rate, an accuracy stuck at 1) gave the axis a range so small that every
     * tick read the same ("1E0 1E0 1E0"): the value axis spans at least a twentieth of the largest value shown.
     */
    private void keepTicksApart() {
        double magnitude = 0;
        for (XYSeries s : series) {
            if (s.getItemCount() > 0) {
                magnitude = Math.max(magnitude, Math.max(Math.abs(s.getMinY()), Math.abs(s.getMaxY())));
            }
        }
        double least = Math.max(leastSpan, magnitude / 20);
        if (plot.getRangeAxis().getAutoRangeMinimumSize() != least) {
            plot.getRangeAxis().setAutoRangeMinimumSize(least, false);
        }
    }

    /** Replaces every series' points (after a change of smoothing or x-axis unit), redrawing the chart once. */
    void replace(List<List<MetricsHistory.Point>> sources) {
        chart.setNotify(false);
        try {
            for (XYSeries s : series) {
                s.clear();
            }
            Arrays.fill(shown, 0);
            update(sources);
        } finally {
            chart.setNotify(true);
        }
    }

    void setDomainLabel(String label) {
        if (!label.equals(plot.getDomainAxis().getLabel())) { // setting it redraws the chart, even unchanged
            plot.getDomainAxis().setLabel(label);
        }
    }

    /** Draws series {@code index} dashed and faint (an earlier run). */
    void dashed(int index) {
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        r.setSeriesStroke(index, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        r.setSeriesPaint(index, new Color(0x8a, 0x93, 0xa3));
        r.setSeriesShapesVisible(index, false);
    }

    /** Switches the value axis between linear and logarithmic. */
    void setLog(boolean log) {
        NumberAxis axis = log ? new LogarithmicAxis(plot.getRangeAxis().getLabel()) : new NumberAxis(plot.getRangeAxis().getLabel());
        axis.setLabelPaint(plot.getRangeAxis().getLabelPaint());
        axis.setTickLabelPaint(plot.getRangeAxis().getTickLabelPaint());
        axis.setAutoRangeIncludesZero(false);
        if (axis instanceof LogarithmicAxis l) {
            l.setAllowNegativesFlag(false);
            l.setStrictValuesFlag(false);
        }
        plot.setRangeAxis(axis);
        keepTicksApart();
    }

    /**
     * The values are fractions (accuracy, MRR): the value axis never goes below zero, and a curve flat at zero (a
     * knowledge graph's first epochs) spans 0 to 0.02, not ±5E-10.
     */
    void fractions() {
        ((NumberAxis) plot.getRangeAxis()).setRangeType(org.jfree.data.RangeType.POSITIVE);
        leastSpan = 0.02;
        keepTicksApart();
    }

    /** Names the chart and its value axis anew (the figure it draws changed); redraws only when they differ. */
    void retitle(String title, String yLabel) {
        if (!title.equals(chart.getTitle().getText())) {
            chart.getTitle().setText(title);
        }
        if (!yLabel.equals(plot.getRangeAxis().getLabel())) {
            plot.getRangeAxis().setLabel(yLabel);
        }
    }

    /** Names curve {@code i} in the legend (the dashed curve: "previous run", or the run Runs… compares with). */
    void rename(int i, String name) {
        if (!name.equals(series[i].getKey())) {
            series[i].setKey(name);
        }
    }

    /** Curve {@code i}'s name in the legend (for tests). */
    String seriesName(int i) {
        return String.valueOf(series[i].getKey());
    }

    /** The chart's title (for tests). */
    String title() {
        return chart.getTitle().getText();
    }

    /** The value axis's lower and upper bounds as drawn (for tests). */
    double[] valueRange() {
        var r = plot.getRangeAxis().getRange();
        return new double[] {r.getLowerBound(), r.getUpperBound()};
    }

    /** The value axis starts at zero (for quantities like the learning rate, where the scale itself matters). */
    void includeZero() {
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(new RateTicks());
    }

    /** A vertical line at {@code x} (the step the attention inspector shows), or none when NaN. */
    void mark(double x) {
        if (Double.compare(x, markedAt()) == 0) {
            return; // unchanged (NaN included): each change redraws the whole chart
        }
        plot.clearDomainMarkers();
        if (!Double.isNaN(x)) {
            ValueMarker m = new ValueMarker(x);
            m.setPaint(new Color(0xe5, 0xc0, 0x7b));
            m.setStroke(new BasicStroke(1.5f));
            plot.addDomainMarker(m);
        }
    }

    /** Where the marker is, or NaN (for tests). */
    double markedAt() {
        var markers = plot.getDomainMarkers(Layer.FOREGROUND);
        return markers == null || markers.isEmpty() ? Double.NaN : ((ValueMarker) markers.iterator().next()).getValue();
    }

    int pointsShown(int seriesIndex) {
        return series[seriesIndex].getItemCount();
    }
}
