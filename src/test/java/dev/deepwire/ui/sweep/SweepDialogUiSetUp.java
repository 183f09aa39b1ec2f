package dev.deepwire.ui.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.sweep.SweepExecutor;
import dev.deepwire.sweep.SweepOutcome;
import dev.deepwire.sweep.SweepTask;
import dev.deepwire.sweep.SweepTaskBody;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The set-up the Sweep… window tests share: an owner window, a sweep executor on the test thread, and scratch
 * preference nodes.
 */
abstract class SweepDialogUiSetUp {
    @TempDir
    Path dir;
    Stage owner;

    /** Called by each test class's {@code @Start} (TestFX looks for it on the test class itself). */
    void setUp(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    /** Trains each task on the sweep's own thread (the workbench uses local processes); close() stops waiting. */
    static final class InThread implements SweepExecutor {
        private final CountDownLatch hold;
        private volatile boolean closed;

        InThread(CountDownLatch hold) {
            this.hold = hold;
        }

        @Override
        public String describe() {
            return "the test's thread";
        }

        @Override
        public void run(List<SweepTask> tasks, SweepTaskBody body, Consumer<SweepOutcome> done) throws InterruptedException {
            for (SweepTask t : tasks) {
                hold.await();
                if (closed) {
                    throw new InterruptedException("cancelled");
                }
                done.accept(body.run(t));
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    SweepDialog open(SweepViewModel vm, FxRobot robot) {
        SweepDialog dialog = new SweepDialog(vm, owner);
        robot.interact(dialog::show);
        return dialog;
    }

    static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** A memory of specs of its own, in a preferences node no other test (nor the user) has. */
    static SweepSpecMemory memory(java.util.prefs.Preferences node) {
        return new SweepSpecMemory(node);
    }

    static java.util.prefs.Preferences scratchNode() {
        return java.util.prefs.Preferences.userRoot().node("dev/deepwire/test-sweep-" + System.nanoTime());
    }
}
