package dev.deepwire.ui.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.testing.FxUntil;
import dev.deepwire.ui.training.TrainingViewModel;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Evaluate's run picker read every kept run's run.json on the window's thread as the window opened (150 runs of 4 MB
 * froze it for some 20 s): it is there at once, says it is reading, and offers the runs once they are read.
 */
@ExtendWith(ApplicationExtension.class)
class KeptRunChooserReadLaterUiTest {
    @TempDir
    Path dir;
    private final ExecutorService work = Executors.newSingleThreadExecutor();
    private final ExecutorService reader = Executors.newSingleThreadExecutor();
    private final CountDownLatch release = new CountDownLatch(1);

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @AfterEach
    void stop() {
        release.countDown();
        work.shutdownNow();
        reader.shutdownNow();
    }

    @Test
    void thePickerIsThereBeforeTheRunsAreReadAndOffersThemOnceRead(FxRobot robot) throws Exception {
        TrainingViewModel training = dev.deepwire.testing.HeldRunsReader.oneKeptRun(dir, work, reader, release);
        KeptRunChooser[] chooser = new KeptRunChooser[1];
        robot.interact(() -> chooser[0] = new KeptRunChooser(training, false));
        KeptRunChooser c = chooser[0];
        assertThat(c.runs().getPromptText()).isEqualTo("reading 1 kept run\u2026");
        assertThat(c.runs().getItems()).isEmpty();
        assertThat(((Button) c.lookup("#eval-run-evaluate")).isDisabled()).isTrue();
        assertThat(c.noRunYet(null)).as("no kept run known yet").startsWith("No run of this project has ended yet");

        release.countDown();
        FxUntil.holds(c::hasKept);
        assertThat(c.runs().getValue().run().dir()).isEqualTo(dir.resolve("runs/marker-1"));
        assertThat(((Button) c.lookup("#eval-run-evaluate")).isDisabled()).isFalse();
        assertThat(c.noRunYet(null)).contains("choose a kept run above");
    }
}
