package dev.deepwire.inspect;

/**
 * The one colour map of every attention heatmap, on screen and in exported files: viridis (dark purple at 0,
 * yellow at 1), perceptually even and readable in grey and by most colour-blind readers. Sixteen of its colours,
 * interpolated linearly.
 */
public final class Viridis {
    private static final int[][] STOPS = {
        {68, 1, 84}, {72, 26, 108}, {71, 47, 125}, {65, 68, 135}, {57, 86, 140}, {49, 104, 142}, {42, 120, 142},
        {35, 137, 142}, {31, 153, 138}, {34, 168, 132}, {53, 183, 121}, {84, 197, 104}, {122, 209, 81},
        {165, 219, 54}, {210, 226, 27}, {253, 231, 37}};

    private Viridis() {
    }

    /** The colour for {@code t} in [0, 1] (clamped; NaN as 0) as 0xRRGGBB. */
    public static int rgb(double t) {
        double v = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) Math.floor(v));
        double f = v - i;
        int r = (int) Math.round(STOPS[i][0] + f * (STOPS[i + 1][0] - STOPS[i][0]));
        int g = (int) Math.round(STOPS[i][1] + f * (STOPS[i + 1][1] - STOPS[i][1]));
        int b = (int) Math.round(STOPS[i][2] + f * (STOPS[i + 1][2] - STOPS[i][2]));
        return r << 16 | g << 8 | b;
    }

    /** The same colour, opaque, as 0xAARRGGBB. */
    public static int argb(double t) {
        return 0xff000000 | rgb(t);
    }
}
