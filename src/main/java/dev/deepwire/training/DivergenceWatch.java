package dev.deepwire.training;

import java.util.Locale;

/**
 * Notices a run that explodes without NaN: the smoothed training loss (an average over about ten steps) far above the
 * first step's loss — more than {@link #FACTOR} times it and {@link #MARGIN} above it — for {@link #SUSTAINED} steps in
 * a row. A brief spike, or a loss that stays near where it began, is not divergence.
 */
final class DivergenceWatch {
    static final double FACTOR = 3;
    static final double MARGIN = 2;
    static final int SUSTAINED = 50;
    private static final double SMOOTHING = 0.1;
    private double start = Double.NaN;
    private double smoothed;
    private int above;

    /** Takes one step's (finite) loss; returns why the run diverged, or null while it has not. */
    String offer(double loss) {
        if (Double.isNaN(start)) {
            start = loss;
            smoothed = loss;
            return null;
        }
        smoothed += SMOOTHING * (loss - smoothed);
        above = smoothed > Math.max(FACTOR * start, start + MARGIN) ? above + 1 : 0;
        if (above < SUSTAINED) {
            return null;
        }
        return String.format(Locale.ROOT, "the training loss rose from %.3g to %.3g and stayed there for %d steps: "
                + "training diverged", start, smoothed, above);
    }
}
