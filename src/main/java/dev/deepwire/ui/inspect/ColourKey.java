package dev.deepwire.ui.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a heatmap's colour key says beside its bar: the values at the top, middle and bottom, written short ("1", "0.5",
 * "2.4e-3"), in a font never smaller than {@link #FONT}; where the bar is too short for three lines the middle one goes,
 * then the bottom one (the top, the largest weight, stays). The all-heads grid's small maps had drawn "1.00 0.50 0"
 * in 7 to 9 px type.
 */
final class ColourKey {
    /** The key's type size, in pixels, whatever the map's token labels shrink to. */
    static final double FONT = 11;
    /** A line of the key: its height for a font size, in pixels. */
    private static final double LINE = 1.25;

    /**
     * One value of the key.
     *
     * @param text     as written
     * @param position where it stands on the bar: 0 at the top, 1 at the bottom
     */
    record Value(String text, double position) {
    }

    private ColourKey() {
    }

    /** The key's bar from {@code max} down to 0 (or, {@code signed}, to −{@code max}), {@code bar} pixels tall. */
    static List<Value> values(double max, boolean signed, double bar) {
        double line = FONT * LINE;
        List<Value> out = new ArrayList<>();
        out.add(new Value(text(max), 0));
        if (bar >= 2 * line + 2) {
            out.add(new Value(signed ? text(-max) : "0", 1));
        }
        if (bar >= 3 * line + 8) {
            out.add(1, new Value(signed ? "0" : text(max / 2), 0.5));
        }
        return out;
    }

    /** A value written short: two decimals at most and none kept as trailing zeros; powers of ten below 0.01. */
    static String text(double v) {
        if (v == 0) {
            return "0";
        }
        if (Math.abs(v) < 0.01) {
            return String.format(Locale.ROOT, "%.1e", v).replaceAll("e([+-])0*(\\d)", "e$1$2").replace("e+", "e")
                    .replace(".0e", "e");
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }
}
