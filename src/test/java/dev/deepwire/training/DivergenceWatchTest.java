package dev.deepwire.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DivergenceWatchTest {

    @Test
    void aLossThatRisesAndStaysHighIsDivergence() {
        DivergenceWatch w = new DivergenceWatch();
        assertThat(w.offer(3.5)).isNull();
        String why = null;
        int steps = 1;
        while (why == null && steps < 1000) {
            why = w.offer(22 + (steps % 3));
            steps++;
        }
        assertThat(why).contains("rose from 3.50 to 2").contains("stayed there for 50 steps");
        assertThat(steps).isBetween(DivergenceWatch.SUSTAINED, DivergenceWatch.SUSTAINED + 40);
    }

    @Test
    void aNoisyFallingLossAndBriefSpikesAreNot() {
        DivergenceWatch w = new DivergenceWatch();
        Random r = new Random(1);
        for (int step = 0; step < 5000; step++) {
            double loss = 3.5 * Math.exp(-step / 500.0) + r.nextDouble() * 0.8;
            if (step % 400 == 0) {
                loss = 40; // one bad batch now and then
            }
            assertThat(w.offer(loss)).as("step %d", step).isNull();
        }
    }

    @Test
    void aSmallStartingLossNeedsARealRiseNotNoise() {
        DivergenceWatch w = new DivergenceWatch();
        w.offer(0.05);
        for (int step = 0; step < 500; step++) {
            assertThat(w.offer(0.4)).isNull(); // eight times the start, but within the margin
        }
    }
}
