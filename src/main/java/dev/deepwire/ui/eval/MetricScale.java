package dev.deepwire.ui.eval;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The pruning chart's metric axis, decided from the values plotted: its bounds, its tick step and how a tick is
 * written. The chart never auto-ranges the axis, so the tick labels JavaFX measures to size the axis are the ones it
 * draws (auto-ranged, it measured them with the previous range's format), and a label stays short: in powers of ten
 * ("1.25e-4") where plain digits would be longer.
 *
 * @param lower the axis's lowest value
 * @param upper its highest
 * @param tick  the step between two ticks
 */
record MetricScale(double lower, double upper, double tick) {
    /**
     * The scale for values {@code low} to {@code high} of a metric: a share (an accuracy, all within 0 to 1) runs up
     * to 1 in tenths (finer over a short span), from 0 while nothing is plotted (auto-ranged, a point at 1.0 put the top at 1.25); anything else
     * (a loss) spans its values in about five round steps (1, 2, 2.5 or 5 times a power of ten).
     */
    static MetricScale of(String metric, double low, double high, boolean empty) {
        if (empty) {
            low = 0;
            high = 1;
        }
        if (low >= 0 && high <= 1 && !metric.endsWith("loss")) {
            double from = Math.max(0, Math.floor(low * 10 - 1e-9) / 10);
            // tenths, or finer where the axis spans less than 0.4 (0.9 to 1 had two ticks)
            return new MetricScale(from, 1, 1 - from >= 0.4 - 1e-9 ? 0.1 : round((1 - from) / 5));
        }
        double span = high - low;
        if (!(span > 0)) {
            span = high == 0 ? 1 : Math.abs(high) * 0.1; // one value: a band around it
        }
        double tick = round(span / 5);
        double lower = Math.floor(low / tick + 1e-9) * tick;
        double upper = Math.ceil(high / tick - 1e-9) * tick;
        if (upper - lower < tick) {
            lower -= tick;
            upper += tick;
        }
        return new MetricScale(lower, upper, tick);
    }

    /** 1, 2, 2.5 or 5 times the power of ten at or below {@code rough} nearest to it from above. */
    private static double round(double rough) {
        double ten = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 2.5, 5}) {
            if (m * ten >= rough * (1 - 1e-9)) {
                return m * ten;
            }
        }
        return 10 * ten;
    }

    /**
     * How a tick at {@code value} is written: with as many decimals as the step needs and no more, or in powers of ten
     * ("1.25e-4", "1.5e8") where that is shorter.
     */
    String label(double value) {
        if (Math.abs(value) < tick * 1e-6) {
            value = 0; // a tick at zero, not at -1e-17
        }
        int scale = scale(tick);
        String plain = String.format(Locale.ROOT, "%." + Math.max(0, scale) + "f", value);
        // the mantissa keeps the digits that tell two ticks apart
        int exponent = (int) Math.floor(Math.log10(Math.max(Math.abs(lower), Math.abs(upper))));
        String powers = String.format(Locale.ROOT, "%." + Math.max(0, exponent + scale) + "e", value)
                .replaceAll("e([+-])0*(\\d)", "e$1$2").replace("e+", "e");
        return powers.length() < plain.length() ? powers : plain;
    }

    /** The decimals {@code step} is written with: 0.25: 2; 0.1: 1; 5: 0; 50,000: -4. */
    private static int scale(double step) {
        return new BigDecimal(String.valueOf((float) step)).stripTrailingZeros().scale();
    }
}
