package dev.deepwire.ui;

import dev.deepwire.ui.step.StepMode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The step-mode UI tests' waits, in one place: each reads the mode on the JavaFX thread, where a walk's result is
 * applied in one go (read from the test's thread, the flags could say done before the walk's gradients were drawn).
 */
final class StepWaits {
    private StepWaits() {
    }

    /** Waits (60 s at most) until no walk is being computed and {@code done} holds. */
    static void until(StepMode mode, Predicate<StepMode> done) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> !mode.computing() && done.test(mode)).get());
    }

    /** Until a walk is shown. */
    static void walked(StepMode mode) throws Exception {
        until(mode, m -> m.walkthrough() != null);
    }

    /** Until a walk of typed input is shown. */
    static void walkedTyped(StepMode mode) throws Exception {
        until(mode, m -> m.walkthrough() != null && m.walkthrough().example().startsWith("typed"));
    }

    /** Until the walk goes back (its gradients shown). */
    static void goingBack(StepMode mode) throws Exception {
        until(mode, StepMode::goingBack);
    }

    /** Opens the saved model {@code zip} in the harness's window, enters step mode and waits for its first walk. */
    static StepMode open(WorkbenchHarness h, Stage stage, Path zip, FxRobot robot) throws Exception {
        StepMode mode = h.window.stepMode();
        WaitForAsyncUtils.asyncFx(() -> h.window.inspectSavedModel(stage, zip)).get().get(60, TimeUnit.SECONDS);
        robot.interact(stage::toFront);
        robot.interact(mode::toggleFromMenu);
        walked(mode);
        return mode;
    }
}
