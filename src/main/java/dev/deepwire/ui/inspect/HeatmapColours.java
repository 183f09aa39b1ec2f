package dev.deepwire.ui.inspect;

import dev.deepwire.inspect.HeatmapRaster;
import dev.deepwire.inspect.Viridis;
import javafx.scene.paint.Color;

/**
 * The colours a heatmap is drawn in: a map of weights in the shared viridis scale, a difference map blue below 0,
 * white at 0 and red above, scaled to its largest difference; the colour key's bar in the same colours.
 */
final class HeatmapColours {
    private HeatmapColours() {
    }

    /** The map's cells as ARGB pixels, a row after another ({@code max}: the largest difference of a signed map). */
    static int[] pixels(float[][] map, boolean signed, float max) {
        if (!signed) {
            return HeatmapRaster.argb(map);
        }
        int cols = map[0].length;
        int[] out = new int[map.length * cols];
        for (int q = 0; q < map.length; q++) {
            for (int k = 0; k < cols; k++) {
                Color col = signedColour(map[q][k] / max);
                out[q * cols + k] = 0xff000000 | (int) Math.round(col.getRed() * 255) << 16
                        | (int) Math.round(col.getGreen() * 255) << 8 | (int) Math.round(col.getBlue() * 255);
            }
        }
        return out;
    }

    /** The key's bar at {@code t}, from 1 at its top to 0 at its bottom (a signed map's bottom is its −1). */
    static Color ofBar(double t, boolean signed) {
        return signed ? signedColour(2 * t - 1) : colour(t);
    }

    /** The colour the shared map gives a weight at {@code t} of the scale. */
    static Color colour(double t) {
        int rgb = Viridis.rgb(t);
        return Color.rgb(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
    }

    /** Blue (−1) through white (0) to red (+1). */
    private static Color signedColour(double t) {
        double a = Math.min(1, Math.abs(t));
        return t >= 0 ? Color.color(1, 1 - a, 1 - a) : Color.color(1 - a, 1 - a, 1);
    }
}
