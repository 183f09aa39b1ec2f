package dev.deepwire.model;

import java.util.regex.Pattern;

/**
 * A number as a person writes it ({@code 3}, {@code -0.5}, {@code +1}, {@code .5}, {@code 2.5e-3}, spaces around):
 * Java's own forms that no spreadsheet or person means — {@code 0x1p3}, {@code 1f}, {@code 2d}, {@code NaN},
 * {@code Infinity} — are refused. One reader for data cells and settings typed on a command line.
 */
public final class Decimals {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private Decimals() {
    }

    /** Whether {@code text} is written as a decimal number (finite or not: {@code 1e999} is one). */
    public static boolean isDecimal(String text) {
        return DECIMAL.matcher(text.strip()).matches();
    }

    /** The finite number {@code text} writes; a {@link NumberFormatException} for anything else. */
    public static double parse(String text) {
        if (!isDecimal(text)) {
            throw new NumberFormatException(text);
        }
        double v = Double.parseDouble(text.strip());
        if (!Double.isFinite(v)) {
            throw new NumberFormatException(text);
        }
        return v;
    }
}
