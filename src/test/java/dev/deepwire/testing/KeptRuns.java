package dev.deepwire.testing;

import dev.deepwire.model.TrainingSettings;
import dev.deepwire.sweep.SweepRunRecord;
import dev.deepwire.training.MetricsCsv;
import dev.deepwire.training.RunRecord;
import dev.deepwire.training.TrainingEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Kept run folders for tests, written by the app's own writers — {@code run.json} by {@link RunRecord} (a sweep's run
 * by {@link SweepRunRecord}, which adds its fields to RunRecord's), {@code metrics.csv} by {@link MetricsCsv} — so a
 * fixture reads as a run does, and follows the layout when it changes. Hostile or hand-edited files stay in the tests
 * that attack them.
 */
public final class KeptRuns {
    private KeptRuns() {
    }

    /**
     * {@code runsFolder/name}, made, holding the run.json of a run of {@code project} ({@code projectFile}) that ended
     * with {@code outcome} after {@code steps}; {@code mrr} is the kept model's validation filtered MRR, NaN for none.
     */
    public static Path run(Path runsFolder, String name, String project, String projectFile, TrainingSettings settings,
                           String outcome, long steps, double accuracy, double mrr) throws IOException {
        Path dir = Files.createDirectories(runsFolder.resolve(name));
        RunRecord.write(dir, project, Path.of(projectFile), null, settings, outcome, steps, accuracy, mrr);
        return dir;
    }

    /** {@code runsFolder/name}, made, holding a sweep's run.json. */
    public static Path sweepRun(Path runsFolder, String name, SweepRunRecord record) throws IOException {
        Path dir = Files.createDirectories(runsFolder.resolve(name));
        Files.write(dir.resolve("run.json"), record.toJson());
        return dir;
    }

    /**
     * The run's metrics.csv as a run writes it: an epoch's row every {@code stepsPerEpoch} steps with the training loss
     * {@code trainLoss}, and its validation loss and accuracy from the arrays (as long as {@code validationLosses}); a
     * ranking row after each where {@code mrrs} is not null.
     */
    public static void epochs(Path runDir, long stepsPerEpoch, double trainLoss, double[] validationLosses,
                              double[] accuracies, double[] mrrs) throws IOException {
        try (MetricsCsv csv = new MetricsCsv(runDir.resolve("metrics.csv"), 1)) {
            for (int e = 0; e < validationLosses.length; e++) {
                long step = stepsPerEpoch * (e + 1);
                csv.onEvent(new TrainingEvent.EpochCompleted(e + 1, step, trainLoss, validationLosses[e], accuracies[e]));
                if (mrrs != null) {
                    csv.onEvent(new TrainingEvent.SelectionMeasured(e + 1, step, TrainingEvent.SelectionMeasured.MRR,
                            mrrs[e]));
                }
            }
        }
    }
}
