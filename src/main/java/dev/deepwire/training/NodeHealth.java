package dev.deepwire.training;

import java.util.Locale;
import java.util.Optional;

/**
 * One block's health at a step: how big the last update was next to its parameters, the spread of its
 * output, non-finite values, and the gradient's size. {@link #problem} says what looks wrong and why.
 */
public record NodeHealth(String nodeId, double updateRatio, double activationMean, double activationStd, long nonFinite,
                         double gradientNorm, long params) {

    /** What is unhealthy, in words a user can act on; empty when all looks fine. */
    public Optional<String> problem() {
        if (nonFinite > 0) {
            return Optional.of("NaN or infinite values in its output");
        }
        if (params > 0 && updateRatio > 1e-1) {
            return Optional.of(String.format(Locale.ROOT, "update/parameter ratio %.0e: the learning rate is too high for "
                    + "this block (healthy is about 1e-3)", updateRatio));
        }
        if (params > 0 && updateRatio > 0 && updateRatio < 1e-7) {
            return Optional.of(String.format(Locale.ROOT, "update/parameter ratio %.0e: this block is barely learning; "
                    + "raise the learning rate or check the gradient path", updateRatio));
        }
        if (gradientNorm > 1e3) {
            return Optional.of(String.format(Locale.ROOT, "gradient norm %.0e: exploding gradients; lower the learning rate "
                    + "or add normalization", gradientNorm));
        }
        if (activationStd < 1e-7 && Double.isFinite(activationStd)) {
            return Optional.of("its output is constant (spread 0): the block is dead or saturated");
        }
        return Optional.empty();
    }

    /** A one-line summary for tooltips. */
    public String summary() {
        return String.format(Locale.ROOT, "update/param %.1e · output mean %.3f, spread %.3f · gradient norm %.2e%s",
                updateRatio, activationMean, activationStd, gradientNorm, nonFinite > 0 ? " · " + nonFinite + " non-finite" : "");
    }
}
