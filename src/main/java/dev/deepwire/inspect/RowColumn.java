package dev.deepwire.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Something to colour a table's rows by: a category per row (the relation an entity takes part in most, the
 * language that uses a letter most) or a number per row (a position's index). Rows without a value are null.
 */
public record RowColumn(String name, List<String> categories, double[] numbers, String meaning) {
    /** The column of a positions table: each row's index. */
    public static final String POSITION = "position";
    /** How many categories get a colour of their own; the rest share "other". */
    public static final int SHOWN = 10;
    public static final String OTHER = "other";

    public static RowColumn categorical(String name, List<String> perRow) {
        return categorical(name, perRow, "");
    }

    /** A category per row, with what the category of a row means (shown under its legend; "" for nothing to say). */
    public static RowColumn categorical(String name, List<String> perRow, String meaning) {
        return new RowColumn(name, java.util.Collections.unmodifiableList(new ArrayList<>(perRow)), null, meaning);
    }

    public static RowColumn numeric(String name, double[] perRow) {
        return new RowColumn(name, null, perRow.clone(), "");
    }

    public boolean isNumeric() {
        return numbers != null;
    }

    /** The row's value as text ("" when it has none). */
    public String text(int row) {
        if (isNumeric()) {
            double v = numbers[row];
            return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
        }
        String c = categories.get(row);
        return c == null ? "" : c;
    }

    /**
     * The categories that get a colour of their own, most rows first (at most {@link #SHOWN}); empty for a numeric
     * column. Ties go by name, so the legend is the same on every run.
     */
    public List<String> legend() {
        if (isNumeric()) {
            return List.of();
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String c : categories) {
            if (c != null) {
                counts.merge(c, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(SHOWN).map(Map.Entry::getKey).toList();
    }

    /**
     * A colour for each row as 0xRRGGBB: a palette colour per legend category (grey for the rest), or the viridis
     * scale from the smallest to the largest number.
     */
    public int[] colours() {
        int n = isNumeric() ? numbers.length : categories.size();
        int[] out = new int[n];
        if (isNumeric()) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : numbers) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            for (int i = 0; i < n; i++) {
                out[i] = Viridis.rgb(hi > lo ? (numbers[i] - lo) / (hi - lo) : 0.5);
            }
            return out;
        }
        List<String> legend = legend();
        for (int i = 0; i < n; i++) {
            int at = categories.get(i) == null ? -1 : legend.indexOf(categories.get(i));
            out[i] = at < 0 ? GREY : PALETTE[at];
        }
        return out;
    }

    /** The colour of a legend category, or grey for "other". */
    public static int colourOf(int legendIndex) {
        return legendIndex >= 0 && legendIndex < PALETTE.length ? PALETTE[legendIndex] : GREY;
    }

    /** Tableau's ten categorical colours: distinct on dark and light backgrounds. */
    private static final int[] PALETTE = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f, 0xedc948, 0xb07aa1,
        0xff9da7, 0x9c755f, 0xbab0ac};
    static final int GREY = 0x6b6f78;
}
