package dev.deepwire.inspect.walk;

import dev.deepwire.inspect.Viridis;

/**
 * A tensor's grid as pixels, one per value, coloured by {@link Viridis} from the tensor's minimum (dark) to its maximum
 * (yellow): what the canvas's wire badges, the larger view and the exported pictures share.
 */
public final class TensorRaster {
    /** Grids are drawn at most this many cells wide or high; larger ones are averaged down to it. */
    public static final int MAX_CELLS = 256;

    private TensorRaster() {
    }

    /** Row-major 0xAARRGGBB pixels of {@link #cells(WalkTensor)} (as wide as its rows). */
    public static int[] argb(WalkTensor t) {
        float[][] g = cells(t);
        int rows = g.length;
        int cols = rows == 0 ? 0 : g[0].length;
        double span = t.max() - t.min();
        int[] out = new int[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = Float.isNaN(g[r][c]) ? 0 // between an image's channels: nothing drawn
                        : Viridis.argb(span == 0 ? 0.5 : (g[r][c] - t.min()) / span);
            }
        }
        return out;
    }

    /**
     * Which value a drawn cell is ({@link WalkTensor#where} of its first grid cell, and how many it averages where the
     * grid was averaged down), or null where it is no value (between an image's channels).
     */
    public static String where(WalkTensor t, int row, int col) {
        float[][] g = t.grid();
        int rs = step(g.length);
        int cs = step(g.length == 0 ? 0 : g[0].length);
        String at = t.where(row * rs, col * cs);
        return at == null || rs * cs == 1 ? at : at + " (the mean of " + rs + " × " + cs + " cells from there)";
    }

    private static int step(int n) {
        return Math.max(1, (n + MAX_CELLS - 1) / MAX_CELLS);
    }

    /** The grid drawn: {@link WalkTensor#grid()}, averaged down to at most {@link #MAX_CELLS} a side. */
    public static float[][] cells(WalkTensor t) {
        float[][] g = t.grid();
        int rows = g.length;
        int cols = rows == 0 ? 0 : g[0].length;
        int rs = step(rows);
        int cs = step(cols);
        if (rs == 1 && cs == 1) {
            return g;
        }
        float[][] out = new float[(rows + rs - 1) / rs][(cols + cs - 1) / cs];
        for (int r = 0; r < out.length; r++) {
            for (int c = 0; c < out[0].length; c++) {
                double sum = 0;
                int n = 0;
                for (int i = r * rs; i < Math.min(rows, (r + 1) * rs); i++) {
                    for (int j = c * cs; j < Math.min(cols, (c + 1) * cs); j++) {
                        if (!Float.isNaN(g[i][j])) { // the empty cells between channels
                            sum += g[i][j];
                            n++;
                        }
                    }
                }
                out[r][c] = n == 0 ? Float.NaN : (float) (sum / n);
            }
        }
        return out;
    }
}
