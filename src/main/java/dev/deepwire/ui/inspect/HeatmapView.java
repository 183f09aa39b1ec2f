package dev.deepwire.ui.inspect;

import dev.deepwire.inspect.HeatmapRaster;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * A query × key heatmap drawn on a canvas: one pixel per cell scaled up (so 512 × 512 maps redraw and
 * hover quickly), token labels on both axes when they fit, a colour scale with values, and a readout of
 * the cell under the pointer.
 */
final class HeatmapView extends Region {
    private double left = 90;
    private double top = 96;
    private double legend = 60;
    /** The token labels' and axis captions' size: the colour key's ({@link ColourKey#FONT}), in a grid's small maps too. */
    private final double labelFont = ColourKey.FONT;
    private boolean labelsShown;
    /** The share of a cell the columns' slanted labels may take: sin 60°, less a little for the glyphs' own room. */
    static final double COLUMN_SPACING = 0.8;
    /** The share of a row's height its label may take. */
    static final double ROW_SPACING = 0.9;
    /** The rows' axis caption, above their labels. */
    private static final String QUERIES = "queries ↓";
    /** The least size a token's label is drawn at: where cells are smaller, every k-th token is labelled. */
    static final double LEAST_LABEL = 10;
    /** The ticks that mark which rows and columns are labelled when not every one is. */
    private static final double TICK = 4;
    private double rowFont;
    private double columnFont;
    private int rowStride = 1;
    private int columnStride = 1;
    private final Canvas canvas = new Canvas();
    private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper("");
    private float[][] map = new float[0][0];
    private List<String> rows = List.of();
    private List<String> cols = List.of();
    private String title = "";
    private String shownTitle = "";
    private final Tooltip wholeTitle = new Tooltip();
    private float max = 1;
    /** A switched-off head's map: drawn dimmed under a "switched off" note. */
    private boolean greyed;
    /** A query row pinned to a chosen distribution: outlined (-1: none). */
    private int pinnedRow = -1;
    /** A difference map: blue below 0, red above, white at 0, scaled to the largest difference. */
    private boolean signed;
    private final List<KeyText> keyTexts = new java.util.ArrayList<>();
    /** A token labelled wherever it is ({@link #keepLabel}), or null. */
    private String keep;
    private List<Integer> labelledRows = List.of();

    HeatmapView() {
        getChildren().add(canvas);
        getStyleClass().add("heatmap");
        setMinSize(200, 200);
        canvas.setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> readout.set(""));
    }

    /** The heading drawn above the map ("Self-attention · validation example 0 · 1"). */
    String heading() {
        return title;
    }

    /** The heading as last drawn: cut with "…" to the map's width, whole on hover. */
    String shownHeading() {
        return shownTitle;
    }

    /**
     * {@code text} cut with "…" to {@code room} px: at 1024 × 700 the cross-attention's heading "Caption → image
     * attention · validation example 0 · mean of heads" ran under the image beside it, cut at "mean of he".
     */
    static String fitted(String text, Font font, double room) {
        if (width(text, font) <= room) {
            return text;
        }
        int end = text.length();
        while (end > 0 && width(text.substring(0, end).stripTrailing() + "…", font) > room) {
            end = text.offsetByCodePoints(end, -1);
        }
        return text.substring(0, end).stripTrailing() + "…";
    }

    void show(float[][] values, List<String> queryLabels, List<String> keyLabels, String heading) {
        map = values;
        rows = queryLabels;
        cols = keyLabels;
        title = heading;
        signed = false;
        max = HeatmapRaster.top(map);
        draw();
    }

    /** A difference of two maps, coloured by sign (blue below 0, red above) and scaled to its largest difference. */
    void showDifference(float[][] values, List<String> queryLabels, List<String> keyLabels, String heading) {
        show(values, queryLabels, keyLabels, heading);
        signed = true;
        max = 1e-6f;
        for (float[] r : values) {
            for (float v : r) {
                max = Math.max(max, Math.abs(v));
            }
        }
        draw();
    }

    /** Marks the map as a switched-off head's (greyed) and outlines a pinned row (-1: none). */
    void mark(boolean off, int pinned) {
        greyed = off;
        pinnedRow = pinned;
        draw();
    }

    boolean greyed() {
        return greyed;
    }

    int pinnedRow() {
        return pinnedRow;
    }

    /** Narrow margins, for a map among several (the all-heads grid); its labels stay as large as a single map's. */
    void compact() {
        // room for the "queries ↓" caption above the rows' labels (at 56 px it ran into the first column's label)
        left = Math.max(56, Math.ceil(width(QUERIES, Font.font(labelFont))) + 10);
        top = 52;
        legend = 44;
    }

    /**
     * The last drawing's cell, its rows' and columns' label sizes, in px, how many columns apart those are, and how
     * many rows apart.
     */
    double[] tokenLabelSizes() {
        return new double[] {cell(), rowFont, columnFont, columnStride, rowStride};
    }

    /** The size of the axis captions ("keys →", "queries ↓") as last drawn. */
    double captionFont() {
        return labelFont;
    }

    /** Whether the last drawing labelled the axes with tokens (they are left out when cells are too small). */
    boolean labelsShown() {
        return labelsShown;
    }

    float[][] values() {
        return map;
    }

    ReadOnlyStringProperty readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private double cell() {
        if (map.length == 0) {
            return 1;
        }
        double w = (getWidth() - left - keyRoom() - 20) / map[0].length;
        double h = (getHeight() - top - 20) / map.length;
        return Math.max(0.5, Math.min(w, h));
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#17191d"));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (map.length == 0 || map[0].length == 0) {
            return;
        }
        int nq = map.length;
        int nk = map[0].length;
        double c = cell();
        WritableImage img = new WritableImage(nk, nq);
        PixelWriter px = img.getPixelWriter();
        px.setPixels(0, 0, nk, nq, PixelFormat.getIntArgbInstance(), HeatmapColours.pixels(map, signed, max), 0, nk);
        g.setImageSmoothing(false);
        g.drawImage(img, left, top, nk * c, nq * c);
        marks(g, c, nq, nk);
        g.setFill(Color.web("#d8dde6"));
        g.setFont(Font.font(13));
        shownTitle = fitted(title, Font.font(13), canvas.getWidth() - 16);
        g.fillText(shownTitle, 8, 18);
        wholeTitle.setText(title);
        if (shownTitle.equals(title)) {
            Tooltip.uninstall(this, wholeTitle);
        } else {
            Tooltip.install(this, wholeTitle);
        }
        g.setFont(Font.font(labelFont));
        g.fillText("keys →", 8, top - top * 0.4);
        g.fillText(QUERIES, 8, top - 8);
        tokenLabels(g, c, nq, nk);
        double lx = left + nk * c + 16;
        // as tall as the map, and at least 60 px where the view has room (a short bar had its labels on each other)
        double lh = Math.max(nq * c, Math.min(60, getHeight() - top - 8));
        for (int i = 0; i < 100; i++) {
            g.setFill(HeatmapColours.ofBar(1 - i / 100.0, signed));
            g.fillRect(lx, top + i * lh / 100, 12, lh / 100 + 1);
        }
        key(g, lx + 16, lh);
    }

    /**
     * The tokens on both axes, in {@link #labelFont} type (or a little less, down to {@link #LEAST_LABEL}). A row's
     * label has a cell's height; the columns' labels, slanted at 60 degrees, lie c·sin 60° apart across their lines.
     * Where cells are smaller than that type needs (the
     * all-heads grid's maps have cells of about 6 px at 1024 × 700; it had no labels at all) every second (third, …)
     * row and column is labelled, with a tick at the map's edge naming which.
     */
    private void tokenLabels(GraphicsContext g, double c, int nq, int nk) {
        rowStride = Math.max(1, (int) Math.ceil(LEAST_LABEL / (ROW_SPACING * c)));
        rowFont = Math.min(labelFont, ROW_SPACING * c * rowStride);
        columnStride = Math.max(1, (int) Math.ceil(LEAST_LABEL / (COLUMN_SPACING * c)));
        columnFont = Math.min(labelFont, COLUMN_SPACING * c * columnStride);
        labelsShown = nq > 0 && nk > 0;
        g.setStroke(Color.web("#7d8594"));
        g.setLineWidth(1);
        g.setFont(Font.font(rowFont));
        labelledRows = labelled(rows, rowStride, keep);
        for (int q : labelledRows) {
            double y = top + q * c + c / 2;
            g.fillText(clip(rows.get(q), left - TICK), 4, y + rowFont * 0.35);
            if (rowStride > 1) {
                g.strokeLine(left - TICK, y, left - 1, y);
            }
        }
        g.setFont(Font.font(columnFont));
        for (int k : labelled(cols, columnStride, keep)) {
            double x = left + k * c + c / 2;
            if (columnStride > 1) {
                g.strokeLine(x, top - TICK, x, top - 1);
            }
            g.save();
            g.translate(x + 4, top - 4);
            g.rotate(-60);
            g.fillText(clip(cols.get(k), top), 0, 0);
            g.restore();
        }
    }

    /**
     * Which of {@code labels} are labelled, {@code stride} apart: every stride-th, and always the token {@code keep}
     * (the landmark Find clearest ranks by, such as the marker: in the grid it fell between labelled rows), the
     * stride's labels too near it giving way.
     */
    static List<Integer> labelled(List<String> labels, int stride, String keep) {
        List<Integer> kept = new java.util.ArrayList<>();
        for (int i = 0; keep != null && stride > 1 && i < labels.size(); i++) {
            if (keep.equals(labels.get(i))) {
                kept.add(i);
            }
        }
        List<Integer> out = new java.util.ArrayList<>(kept);
        for (int i = 0; i < labels.size(); i += stride) {
            int at = i;
            if (kept.stream().noneMatch(k -> Math.abs(k - at) < stride)) {
                out.add(i);
            }
        }
        out.sort(null);
        return out;
    }

    /** Labels the token {@code token} wherever it is, however far apart the other labels are (null: none). */
    void keepLabel(String token) {
        keep = token;
        draw();
    }

    /** The rows labelled in the last drawing. */
    List<Integer> labelledRows() {
        return List.copyOf(labelledRows);
    }

    /** The colour key's values beside its bar ({@code bar} px tall), in {@link ColourKey#FONT} type. */
    private void key(GraphicsContext g, double x, double bar) {
        Font font = Font.font(ColourKey.FONT);
        double line = Math.ceil(font.getSize() * 1.25);
        g.setFill(Color.web("#d8dde6"));
        g.setFont(font);
        g.setTextBaseline(VPos.TOP);
        keyTexts.clear();
        for (ColourKey.Value v : ColourKey.values(max, signed, bar)) {
            double y = top + v.position() * Math.max(0, bar - line);
            g.fillText(v.text(), x, y);
            keyTexts.add(new KeyText(v.text(), x, y, width(v.text(), font), line, font.getSize()));
        }
        g.setTextBaseline(VPos.BASELINE);
    }

    /** The room right of the map for the key: its bar and its widest value (a signed key's "-0.58" is wider). */
    private double keyRoom() {
        Font font = Font.font(ColourKey.FONT);
        double widest = Math.max(width(ColourKey.text(max), font), width(ColourKey.text(signed ? -max : max / 2), font));
        return Math.max(legend, widest + 20);
    }

    private static double width(String text, Font font) {
        return dev.deepwire.ui.controls.TextWidth.of(text, font);
    }

    /** A value of the colour key as drawn: its words, where (top left) and how big, for tests. */
    record KeyText(String text, double x, double y, double width, double height, double font) {
    }

    /** The colour key's values as last drawn. */
    List<KeyText> keyTexts() {
        return List.copyOf(keyTexts);
    }

    /** The switched-off veil and the pinned row's outline. */
    private void marks(GraphicsContext g, double c, int nq, int nk) {
        if (greyed) {
            g.setFill(Color.rgb(23, 25, 29, 0.72));
            g.fillRect(left, top, nk * c, nq * c);
            g.setFill(Color.web("#d8dde6"));
            g.setFont(Font.font(13));
            g.fillText("switched off", left + 6, top + Math.min(nq * c, 40) / 2 + 5);
        }
        if (pinnedRow >= 0 && pinnedRow < nq) {
            g.setStroke(Color.web("#ff9f1c"));
            g.setLineWidth(2);
            g.setLineDashes(5, 3);
            g.strokeRect(left - 1, top + pinnedRow * c - 1, nk * c + 2, c + 2);
            g.setLineDashes();
            g.setFill(Color.web("#ff9f1c"));
            g.setFont(Font.font(labelFont));
            g.fillText("pinned", left - 44, top + pinnedRow * c + c / 2 + 4);
        }
    }

    /** A label cut to fit a margin this wide (about 6.5 px a character at the label sizes used). */
    private String clip(String s, double margin) {
        int fit = Math.max(3, (int) (margin / (labelFont * 0.62)) - 1);
        return s.length() > fit ? s.substring(0, fit - 1) + "…" : s;
    }

    private void hover(double x, double y) {
        if (map.length == 0) {
            return;
        }
        double c = cell();
        int k = (int) Math.floor((x - left) / c);
        int q = (int) Math.floor((y - top) / c);
        if (q < 0 || k < 0 || q >= map.length || k >= map[0].length) {
            readout.set("");
            return;
        }
        readout.set(String.format(Locale.ROOT, "query %d '%s' → key %d '%s': weight %.4f", q, rows.get(q), k, cols.get(k),
                map[q][k]));
    }

    /** The readout for a cell (as hovering it would show), for tests. */
    String readoutAt(int q, int k) {
        double c = cell();
        hover(left + (k + 0.5) * c, top + (q + 0.5) * c);
        return readout.get();
    }
}
