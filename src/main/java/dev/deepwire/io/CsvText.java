package dev.deepwire.io;

import dev.deepwire.model.Decimals;

/**
 * One text cell of a CSV file DeepWire writes (evaluation reports, heatmaps, projections): quoted when it holds a
 * comma, a quote or a line break; and a cell a spreadsheet would run as a formula — text starting with {@code =},
 * {@code +}, {@code -}, {@code @} or a tab, such as a class named "=HYPERLINK(…)" — starts with an apostrophe, so
 * it opens as the text it is. Numbers ("-1.5") are left as they are.
 */
public final class CsvText {
    private CsvText() {
    }

    public static String cell(String s) {
        String text = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !Decimals.isDecimal(s) ? "'" + s : s;
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
