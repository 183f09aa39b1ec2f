package dev.deepwire.ui.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.testing.FxUntil;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.training.RunRecord;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.training.TrainingViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
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
        Project p = SmallMarker.project(Map.of("vocabulary", 32, "train", 64, "validation", 16, "seed", 1));
        Path run = Files.createDirectories(dir.resolve("runs/marker-1"));
        RunRecord.write(run, p.name(), null, null, p.training(), "finished", 20, 0.5, Double.NaN);
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(), p, work, Platform::runLater);
        TrainingViewModel training = new TrainingViewModel(editor, work, work, Platform::runLater, () -> dir.resolve("runs"));
        reader.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        training.runs().readOn(reader);
        KeptRunChooser[] chooser = new KeptRunChooser[1];
        robot.interact(() -> chooser[0] = new KeptRunChooser(training, false));
        KeptRunChooser c = chooser[0];
        assertThat(c.runs().getPromptText()).isEqualTo("reading 1 kept run\u2026");
        assertThat(c.runs().getItems()).isEmpty();
        assertThat(((Button) c.lookup("#eval-run-evaluate")).isDisabled()).isTrue();
        assertThat(c.noRunYet(null)).as("no kept run known yet").startsWith("No run of this project has ended yet");

        release.countDown();
        FxUntil.holds(c::hasKept);
        assertThat(c.runs().getValue().run().dir()).isEqualTo(run);
        assertThat(((Button) c.lookup("#eval-run-evaluate")).isDisabled()).isFalse();
        assertThat(c.noRunYet(null)).contains("choose a kept run above");
    }
}
