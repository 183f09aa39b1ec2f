package dev.deepwire.inspect;

/**
 * The cells of a query × key heatmap as pixels, one per cell: the part of the picture that the screen and the
 * exported PNG share, so both show the same colour for the same weight.
 */
public final class HeatmapRaster {
    private HeatmapRaster() {
    }

    /**
     * The weight drawn at the top of the colour scale: the map's largest, but never below twice the uniform weight
     * (a map that spreads evenly, as at the start of training, looks even, not hot), and at most 1.
     */
    public static float top(float[][] map) {
        float max = map.length == 0 || map[0].length == 0 ? 1f : Math.min(1f, 2f / map[0].length);
        for (float[] r : map) {
            for (float v : r) {
                if (v > max) {
                    max = v;
                }
            }
        }
        return max;
    }

    /** Row-major 0xAARRGGBB pixels, {@code map[0].length} wide, coloured by {@link Viridis} against {@link #top}. */
    public static int[] argb(float[][] map) {
        if (map.length == 0 || map[0].length == 0) {
            return new int[0];
        }
        float top = top(map);
        int cols = map[0].length;
        int[] out = new int[map.length * cols];
        for (int q = 0; q < map.length; q++) {
            for (int k = 0; k < cols; k++) {
                out[q * cols + k] = Viridis.argb(map[q][k] / top);
            }
        }
        return out;
    }
}
