package dev.deepwire.ui.inspect;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * An image read as row-patches (digits-caption: 8 rows of 8 pixels) with one query's attention over the
 * rows laid on top: the brighter the orange band, the more weight that row gets.
 */
final class ImageOverlay extends Canvas {
    static final double SIZE = 240;

    ImageOverlay() {
        super(SIZE, SIZE);
        setId("image-overlay");
    }

    /**
     * @param pixels  {@code [features][rows]}: feature f of row t is the pixel (t, f), values 0–1
     * @param weights one weight per row (the chosen query's row of the heatmap)
     */
    void show(float[][] pixels, float[] weights) {
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(Color.web("#17191d"));
        g.fillRect(0, 0, SIZE, SIZE);
        int cols = pixels.length;
        int rows = pixels[0].length;
        double cw = SIZE / cols;
        double ch = SIZE / rows;
        float max = 1e-6f;
        for (float w : weights) {
            max = Math.max(max, w);
        }
        for (int t = 0; t < rows; t++) {
            for (int f = 0; f < cols; f++) {
                double v = Math.max(0, Math.min(1, pixels[f][t]));
                g.setFill(Color.gray(v));
                g.fillRect(f * cw, t * ch, cw, ch);
            }
            g.setFill(Color.color(1.0, 0.55, 0.1, 0.6 * weights[t] / max));
            g.fillRect(0, t * ch, SIZE, ch);
        }
    }
}
