package dev.deepwire.testing;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.training.RunRecord;
import dev.deepwire.ui.training.TrainingViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;

/**
 * A window's training view model with one kept run (a small marker's, {@code dir/runs/marker-1}) whose records are
 * read on {@code reader}, held until {@code release} is counted down: what a dialog shows before the kept runs are read.
 */
public final class HeldRunsReader {
    private HeldRunsReader() {
    }

    public static TrainingViewModel oneKeptRun(Path dir, ExecutorService work, ExecutorService reader,
                                               CountDownLatch release) throws Exception {
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
        return training;
    }
}
