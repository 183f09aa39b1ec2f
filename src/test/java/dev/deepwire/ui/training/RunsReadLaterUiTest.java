package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.testing.FxUntil;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Runs… read every kept run's run.json on the window's thread before it opened: 150 runs of 4 MB froze the window
 * for some 20 s. It opens at once, says it is reading, fills when read, and closing it meanwhile stops the reading.
 */
@ExtendWith(ApplicationExtension.class)
class RunsReadLaterUiTest {
    @TempDir
    Path dir;
    private Stage stage;
    private final ExecutorService work = Executors.newSingleThreadExecutor();
    /** The reader: it reads nothing until released. */
    private final ExecutorService reader = Executors.newSingleThreadExecutor();
    private final CountDownLatch release = new CountDownLatch(1);

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @AfterEach
    void stop() {
        release.countDown();
        work.shutdownNow();
        reader.shutdownNow();
    }

    private Dialog<Void> openedWithOneRunKept(FxRobot robot) throws Exception {
        TrainingViewModel vm = dev.deepwire.testing.HeldRunsReader.oneKeptRun(dir, work, reader, release);
        Object[] built = new Object[1];
        robot.interact(() -> {
            built[0] = new RunsDialog(vm, stage, s -> { }, f -> { }, () -> { }).build();
            ((Dialog<?>) built[0]).show();
        });
        @SuppressWarnings("unchecked")
        Dialog<Void> d = (Dialog<Void>) built[0];
        return d;
    }

    @SuppressWarnings("unchecked")
    private static ListView<RunHistory.Run> list(Dialog<Void> d) {
        return (ListView<RunHistory.Run>) d.getDialogPane().getContent();
    }

    @Test
    void theDialogIsShownBeforeTheRunsAreReadAndFilledOnceTheyAre(FxRobot robot) throws Exception {
        Dialog<Void> dialog = openedWithOneRunKept(robot);
        assertThat(dialog.isShowing()).as("shown while the reader is still held").isTrue();
        assertThat(dialog.getHeaderText()).isEqualTo("Reading the records of 1 kept run\u2026");
        assertThat(((Label) list(dialog).getPlaceholder()).getText()).startsWith("Reading the records of 1 kept run");
        assertThat(list(dialog).getItems()).isEmpty();
        assertThat(dialog.getDialogPane().lookupButton(ButtonType.CLOSE).isDisabled()).isFalse();

        release.countDown();
        FxUntil.holds(() -> list(dialog).getItems().size() == 1);
        assertThat(dialog.getHeaderText()).endsWith(", newest first");
        assertThat(list(dialog).getItems().get(0).dir().getFileName()).hasToString("marker-1");
        robot.interact(dialog::close);
    }

    @Test
    void closingItWhileReadingDropsWhatIsRead(FxRobot robot) throws Exception {
        Dialog<Void> dialog = openedWithOneRunKept(robot);
        robot.interact(dialog::close);
        release.countDown();
        reader.shutdown();
        assertThat(reader.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list(dialog).getItems()).as("nothing filled into a closed dialog").isEmpty();
        assertThat(dialog.getHeaderText()).startsWith("Reading");
    }
}
