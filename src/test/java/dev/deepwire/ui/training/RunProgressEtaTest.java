package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.training.RunState;
import dev.deepwire.training.TrainingEvent;
import org.junit.jupiter.api.Test;

/**
 * The time left shown beside a run's progress comes from the pace of its steps, not from the time since it started:
 * none until ten steps and a second have been measured, and measured afresh after a pause.
 */
class RunProgressEtaTest {
    private long now;
    private final RunProgress progress = new RunProgress(() -> now);

    @Test
    void theTimeLeftComesFromThePaceOfTheStepsNotFromTheStartUp() {
        progress.begin(2);
        progress.apply(new TrainingEvent.RunStarted("marker", 2, 100, 38_880, 6_400, 640, "CPU"));
        progress.startClock();
        now = seconds(30); // the training process's start-up and the compiler's first steps
        step(1);
        assertThat(text()).contains("step 1/200").as("one step is no pace: the old estimate said 1:39:30").doesNotContain("ETA");
        now = seconds(30.5);
        step(11);
        assertThat(text()).as("ten steps, half a second").doesNotContain("ETA");
        now = seconds(31);
        step(21);
        assertThat(text()).as("20 steps a second, 179 steps left").contains("ETA 0:09 · ");

        progress.apply(new TrainingEvent.StateChanged(RunState.PAUSED));
        now = seconds(600); // ten minutes paused
        step(22);
        assertThat(text()).as("the pause is no part of the pace").doesNotContain("ETA");
        now = seconds(602);
        step(62);
        assertThat(text()).as("20 steps a second again, 138 left").contains("ETA 0:07 · ");

        progress.ended();
        assertThat(text()).as("an ended run has no time left").doesNotContain("ETA");
    }

    private void step(long step) {
        progress.showProgress(new TrainingEvent.StepCompleted(step, (int) (step / 100) + 1, 1.0, 2_000));
    }

    private String text() {
        return progress.progressTextProperty().get();
    }

    private static long seconds(double s) {
        return (long) (s * 1e9);
    }
}
