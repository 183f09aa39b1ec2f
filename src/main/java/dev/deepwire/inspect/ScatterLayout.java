package dev.deepwire.inspect;

import java.util.Locale;

/** Fits 2-D points into a rectangle (equal scale on both axes, y up), for the picture and the workbench alike. */
public final class ScatterLayout {
    private ScatterLayout() {
    }

    /** Screen positions of {@code xy} inside the rectangle at ({@code left}, {@code top}), centred, a margin kept. */
    public static double[][] fit(double[][] xy, double left, double top, double width, double height) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double[] p : xy) {
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        double spanX = Math.max(maxX - minX, 1e-12);
        double spanY = Math.max(maxY - minY, 1e-12);
        double margin = 12;
        double scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
        double cx = left + width / 2;
        double cy = top + height / 2;
        double mx = (minX + maxX) / 2;
        double my = (minY + maxY) / 2;
        double[][] out = new double[xy.length][2];
        for (int i = 0; i < xy.length; i++) {
            out[i][0] = cx + (xy[i][0] - mx) * scale;
            out[i][1] = cy - (xy[i][1] - my) * scale;
        }
        return out;
    }

    /** The index of the point nearest to (x, y) within {@code radius}, or -1. */
    public static int nearest(double[][] screen, double x, double y, double radius) {
        int best = -1;
        double bestD = radius * radius;
        for (int i = 0; i < screen.length; i++) {
            double dx = screen[i][0] - x;
            double dy = screen[i][1] - y;
            double d = dx * dx + dy * dy;
            if (d <= bestD) {
                best = i;
                bestD = d;
            }
        }
        return best;
    }

    static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
