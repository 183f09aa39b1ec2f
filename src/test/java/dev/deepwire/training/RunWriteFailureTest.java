package dev.deepwire.training;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.io.WriteFailure;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.testing.SmallMarker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file of the run that cannot be written ends the run FAILED with the file and the reason, not a stack trace. */
class RunWriteFailureTest {
    private static final TrainingSettings SETTINGS = new TrainingSettings(1, 32, "adam", 1e-3, 42, 0, 0);

    @TempDir
    Path dir;

    private static PreparedRun prepared() throws Exception {
        Project p = SmallMarker.project(Map.of("vocabulary", 32, "train", 64, "validation", 16, "seed", 1));
        PreparedRun run = PreparedRun.of(BlockCatalog.standard(), p.graph(), p.dataset(), SETTINGS, Path.of("."));
        assertThat(run.problem()).isNull();
        return run;
    }

    @Test
    void aFullDiskUnderMetricsEndsTheRunWithTheReason() throws Exception {
        PreparedRun p = prepared();
        Path metrics = dir.resolve("metrics.csv");
        TrainingRun run = new TrainingEngine(Runnable::run).start(p.network(), p.data(), SETTINGS, RunOptions.defaults("s"),
                event -> {
                    if (event instanceof TrainingEvent.StepCompleted) {
                        var failure = new WriteFailure(metrics, new IOException("No space left on device"));
                        throw new UncheckedIOException(failure.getMessage(), failure);
                    }
                });
        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(((TrainingEvent.RunFailed) run.outcome()).message())
                .isEqualTo("training stopped: cannot write " + metrics + ": no space left on device");
    }

    @Test
    void aBestModelThatCannotBeWrittenEndsTheRunWithTheReason() throws Exception {
        PreparedRun p = prepared();
        Path notAFolder = Files.writeString(dir.resolve("file"), "in the way");
        TrainingRun run = new TrainingEngine(Runnable::run).start(p.network(), p.data(), SETTINGS,
                new RunOptions(2, notAFolder, "s"), event -> { });
        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(((TrainingEvent.RunFailed) run.outcome()).message())
                .isEqualTo("training stopped: cannot write " + notAFolder.resolve("best.zip") + ": cannot create the folder "
                        + notAFolder + ": a file of that name is in the way")
                .doesNotContain("Exception").doesNotContain(".tmp");
    }
}
