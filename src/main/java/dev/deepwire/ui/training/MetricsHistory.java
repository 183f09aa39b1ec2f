package dev.deepwire.ui.training;

import java.util.ArrayList;
import java.util.List;

/** The points of one run's curves, appended on the UI thread in batches once per frame. */
public final class MetricsHistory {
    /** One point: the x value (step) and the y value. */
    public record Point(double step, double value) {
    }

    private final List<Point> trainLoss = new ArrayList<>();
    private final List<Point> validationLoss = new ArrayList<>();
    private final List<Point> validationAccuracy = new ArrayList<>();

    public List<Point> trainLoss() {
        return trainLoss;
    }

    public List<Point> validationLoss() {
        return validationLoss;
    }

    public List<Point> validationAccuracy() {
        return validationAccuracy;
    }

    void clear() {
        trainLoss.clear();
        validationLoss.clear();
        validationAccuracy.clear();
    }
}
