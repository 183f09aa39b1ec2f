package dev.deepwire.ui.training;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * The learning-rate chart's tick labels: small rates in scientific form as they are usually written ("1E-3", "2.5E-4"),
 * readable ones plain ("0.5", "1"), and zero as "0". One scientific format for every tick had labelled the empty
 * chart "0E0 … 8E-1 … 1E0", which a first-time user reads as noise.
 */
final class RateTicks extends NumberFormat {
    private static final DecimalFormatSymbols ROOT = DecimalFormatSymbols.getInstance(Locale.ROOT);
    private final DecimalFormat small = new DecimalFormat("0.####E0", ROOT);
    private final DecimalFormat plain = new DecimalFormat("0.####", ROOT);

    @Override
    public StringBuffer format(double value, StringBuffer to, FieldPosition pos) {
        if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            return to.append(value == 0 ? "0" : Double.toString(value));
        }
        double size = Math.abs(value);
        return (size >= 0.01 && size < 10_000 ? plain : small).format(value, to, pos);
    }

    @Override
    public StringBuffer format(long value, StringBuffer to, FieldPosition pos) {
        return format((double) value, to, pos);
    }

    @Override
    public Number parse(String source, ParsePosition at) {
        return small.parse(source, at);
    }
}
