package dev.deepwire.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

class ObservationPacerTest {
    private long now;

    /** Steps of {@code stepNanos} each, observing for {@code costNanos} whenever due; returns the observed steps. */
    private List<Long> run(ObservationPacer pacer, int steps, long stepNanos, long costNanos) {
        return run(pacer, steps, stepNanos, step -> step == 1 ? 50 * costNanos : costNanos); // the first one runs cold
    }

    /** Steps of {@code stepNanos} each, observing whenever due for what {@code costOf} says that step's costs. */
    private List<Long> run(ObservationPacer pacer, int steps, long stepNanos, LongUnaryOperator costOf) {
        return run(pacer, steps, stepNanos, costOf, 1);
    }

    /** The same, each observation done in {@code pieces} pieces of that cost. */
    private List<Long> run(ObservationPacer pacer, int steps, long stepNanos, LongUnaryOperator costOf, int pieces) {
        List<Long> observed = new ArrayList<>();
        for (long step = 1; step <= steps; step++) {
            now += stepNanos;
            if (pacer.due(step)) {
                observed.add(step);
                long cost = costOf.applyAsLong(step);
                for (int piece = 0; piece < pieces; piece++) {
                    pacer.timed(() -> now += cost);
                }
            }
        }
        return observed;
    }

    @Test
    void withoutABudgetTheStepsAreFixed() {
        var pacer = new ObservationPacer(20, 0, () -> now);
        assertThat(run(pacer, 100, 1_000_000, 5_000_000)).containsExactly(1L, 20L, 40L, 60L, 80L, 100L);
    }

    @Test
    void aBudgetSpacesOutCostlyObservationsOnTheSameStepGrid() {
        // 3.5 ms per capture against 11 ms steps: every 20 steps would be 1.6 % of the time; 1 % needs 350 ms apart.
        var pacer = new ObservationPacer(20, 0.01, () -> now);
        List<Long> steps = run(pacer, 200, 11_000_000, 3_500_000);
        assertThat(steps).startsWith(1L, 20L).containsExactly(1L, 20L, 60L, 100L, 140L, 180L);
        long observing = 3_500_000L * (steps.size() - 1);
        assertThat((double) observing / (200 * 11_000_000L)).isLessThanOrEqualTo(0.01);
    }

    @Test
    void cheapObservationsKeepEveryStepOfTheGrid() {
        var pacer = new ObservationPacer(20, 0.01, () -> now);
        assertThat(run(pacer, 100, 11_000_000, 100_000)).containsExactly(1L, 20L, 40L, 60L, 80L, 100L);
    }

    @Test
    void piecesOfOneObservationAddUp() {
        var pacer = new ObservationPacer(10, 0.01, () -> now);
        // 1 ms in each of 3 pieces, as health's forward pass, gradients and update.
        List<Long> observed = run(pacer, 100, 10_000_000, step -> 1_000_000, 3);
        // 3 ms per observation at 1 %: 300 ms apart, i.e. every 30 steps of 10 ms on the grid of 10.
        assertThat(observed).containsExactly(1L, 10L, 40L, 70L, 100L);
    }

    @Test
    void oneSlowObservationDoesNotSilenceTheNextOnes() {
        var pacer = new ObservationPacer(20, 0.01, () -> now);
        // A collection during the capture at step 40.
        List<Long> observed = run(pacer, 200, 11_000_000, step -> step == 40 ? 200_000_000 : 1_000_000);
        assertThat(observed).containsExactly(1L, 20L, 40L, 60L, 80L, 100L, 120L, 140L, 160L, 180L, 200L);
    }

    @Test
    void aLastingRiseInCostIsFollowed() {
        var pacer = new ObservationPacer(20, 0.01, () -> now);
        // The model's captures get dearer from step 100 on.
        List<Long> observed = run(pacer, 400, 10_000_000, step -> step < 100 ? 1_000_000 : 6_000_000);
        // Every 20 steps (200 ms) while 1 ms; once three captures cost 6 ms, 600 ms apart: every 60 steps.
        assertThat(observed).startsWith(1L, 20L, 40L, 60L, 80L, 100L, 120L, 140L).endsWith(140L, 200L, 260L, 320L, 380L);
    }

    @Test
    void zeroStepsMeansNever() {
        assertThat(run(new ObservationPacer(0, 0, () -> now), 50, 1, 1)).isEmpty();
    }
}
