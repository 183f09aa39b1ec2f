package dev.deepwire.ui.inspect;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
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
    private static final double LEFT = 90;
    private static final double TOP = 96;
    private static final double LEGEND = 60;
    private final Canvas canvas = new Canvas();
    private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper("");
    private float[][] map = new float[0][0];
    private List<String> rows = List.of();
    private List<String> cols = List.of();
    private String title = "";
    private float max = 1;

    HeatmapView() {
        getChildren().add(canvas);
        getStyleClass().add("heatmap");
        setMinSize(200, 200);
        canvas.setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> readout.set(""));
    }

    void show(float[][] values, List<String> queryLabels, List<String> keyLabels, String heading) {
        map = values;
        rows = queryLabels;
        cols = keyLabels;
        title = heading;
        // The scale runs to the largest weight, but never below twice the uniform weight: a map that
        // spreads evenly (as at the start of training) looks even, not hot.
        max = map.length == 0 || map[0].length == 0 ? 1f : Math.min(1f, 2f / map[0].length);
        for (float[] r : map) {
            for (float v : r) {
                max = Math.max(max, v);
            }
        }
        draw();
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
        double w = (getWidth() - LEFT - LEGEND - 20) / map[0].length;
        double h = (getHeight() - TOP - 20) / map.length;
        return Math.max(0.5, Math.min(w, h));
    }

    /** Dark blue (0) to yellow (the map's largest weight), perceptually even enough to read. */
    static Color colour(double t) {
        t = Math.max(0, Math.min(1, t));
        return Color.color(0.07 + 0.9 * Math.pow(t, 0.8), 0.1 + 0.8 * t, 0.3 + 0.25 * Math.sin(Math.PI * t) - 0.2 * t);
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
        for (int q = 0; q < nq; q++) {
            for (int k = 0; k < nk; k++) {
                px.setColor(k, q, colour(map[q][k] / max));
            }
        }
        g.setImageSmoothing(false);
        g.drawImage(img, LEFT, TOP, nk * c, nq * c);
        g.setFill(Color.web("#d8dde6"));
        g.setFont(Font.font(13));
        g.fillText(title, 8, 18);
        g.setFont(Font.font(11));
        g.fillText("keys →", 8, TOP - 40);
        g.fillText("queries ↓", 8, TOP - 8);
        if (c >= 9) {
            for (int q = 0; q < nq; q++) {
                g.fillText(clip(rows.get(q)), 8, TOP + q * c + c / 2 + 4);
            }
            g.save();
            for (int k = 0; k < nk; k++) {
                g.save();
                g.translate(LEFT + k * c + c / 2 + 4, TOP - 4);
                g.rotate(-60);
                g.fillText(clip(cols.get(k)), 0, 0);
                g.restore();
            }
            g.restore();
        }
        double lx = LEFT + nk * c + 16;
        double lh = Math.max(60, nq * c);
        for (int i = 0; i < 100; i++) {
            g.setFill(colour(1 - i / 100.0));
            g.fillRect(lx, TOP + i * lh / 100, 12, lh / 100 + 1);
        }
        g.setFill(Color.web("#d8dde6"));
        g.fillText(String.format(Locale.ROOT, "%.2f", max), lx + 16, TOP + 8);
        g.fillText(String.format(Locale.ROOT, "%.2f", max / 2), lx + 16, TOP + lh / 2 + 4);
        g.fillText("0", lx + 16, TOP + lh);
    }

    private static String clip(String s) {
        return s.length() > 12 ? s.substring(0, 11) + "…" : s;
    }

    private void hover(double x, double y) {
        if (map.length == 0) {
            return;
        }
        double c = cell();
        int k = (int) Math.floor((x - LEFT) / c);
        int q = (int) Math.floor((y - TOP) / c);
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
        hover(LEFT + (k + 0.5) * c, TOP + (q + 0.5) * c);
        return readout.get();
    }
}
