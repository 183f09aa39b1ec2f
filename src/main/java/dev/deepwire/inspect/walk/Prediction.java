package dev.deepwire.inspect.walk;

/**
 * What an output block predicts for the example: the predicted class (or, for one sigmoid unit, "1"/"0"), its
 * probability, and the true label with whether they agree; {@code value} is a regression's output.
 */
public record Prediction(String predicted, double probability, String truth, boolean correct, String kind) {
}
