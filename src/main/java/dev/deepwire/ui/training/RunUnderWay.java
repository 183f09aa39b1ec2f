package dev.deepwire.ui.training;

import dev.deepwire.inspect.TrainedModel;
import dev.deepwire.training.RunControl;
import dev.deepwire.training.RunState;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The run a window trains (or last trained): its control, its folder and the recorder writing it, and whether Stop was
 * asked of it. Pause, Resume and Stop act on it only where the run's phase allows; nothing here is shown.
 */
final class RunUnderWay {
    private RunControl run;
    private Path dir;
    private RunRecorder recorder;
    private boolean stopAsked;

    /** Another project is in the window: none of the last one's run is kept. */
    void forget() {
        run = null;
        dir = null;
        recorder = null;
    }

    /** A run is being prepared: no Stop asked of it yet. */
    void starting() {
        stopAsked = false;
    }

    /** Its folder is made and recorded by {@code r}. */
    void recordedBy(RunRecorder r) {
        recorder = r;
        dir = r.dir();
    }

    /** It trains under {@code control}. */
    void launched(RunControl control) {
        run = control;
    }

    RunControl control() {
        return run;
    }

    Path dir() {
        return dir;
    }

    RunRecorder recorder() {
        return recorder;
    }

    /** Whether Stop was asked: a paused run leaves its pause to stop, which is not the run going on. */
    boolean stopAsked() {
        return stopAsked;
    }

    /** Its model while no step is being taken (paused, stopped, finished or failed), in {@code phase}. */
    Optional<TrainedModel> resting(RunState phase) {
        return run == null || phase == RunState.RUNNING || phase == RunState.STARTING
                ? Optional.empty() : TrainedModel.of(run);
    }

    /** Pauses it after this step where it is running; returns whether it was asked to. */
    boolean pause(RunState phase) {
        if (run != null && phase == RunState.RUNNING) {
            run.pause();
            return true;
        }
        return false;
    }

    void resume(RunState phase) {
        if (run != null && phase == RunState.PAUSED) {
            run.resume();
        }
    }

    /** Ends it after this step where it is busy (its model kept and saved); returns whether it was asked to. */
    boolean stop(RunState phase) {
        if (run != null && phase.busy()) {
            run.stop();
            stopAsked = true;
            return true;
        }
        return false;
    }

    /** Stops it whatever its phase (metrics.csv cannot be written: its model is kept, the reason said at its end). */
    void stopNow() {
        RunControl current = run;
        if (current != null) {
            current.stop();
        }
    }
}
