package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.TrainingSettings;
import dev.deepwire.testing.KeptRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kept run's run.json whose figures no run records, edited by hand: an accuracy of 7.5 was listed in Runs… as
 * "accuracy 750.0 %", one of 1e300 as a number of 300 digits, a step count of -40 as "-40 steps", an MRR of 3 ranked
 * first in Compare. Each is unknown, and the run's doubt (its row's tooltip) names the field, its value and why.
 */
class RunRecordFiguresTest {
    @Test
    void impossibleFiguresOfARunRecordAreUnknownWithTheReason(@TempDir Path runs) throws Exception {
        Path run = KeptRuns.run(runs, "p-1", "p", "/x/p.dwproj", TrainingSettings.defaults(), "finished", 20, 0.5, 0.25);
        String record = Files.readString(run.resolve("run.json"));
        assertThat(RunHistory.read(run).toString()).contains("20 steps", "accuracy 50.0 %", "MRR 0.250");
        assertThat(RunHistory.read(run).doubt()).isEmpty();

        for (String[] edit : new String[][] {
                {"\"validationAccuracy\" : 0.5", "\"validationAccuracy\" : 7.5", "accuracy unknown",
                        "validationAccuracy 7.5 is not a fraction from 0 to 1"},
                {"\"validationAccuracy\" : 0.5", "\"validationAccuracy\" : 1e300", "accuracy unknown",
                        "validationAccuracy 1.0E300 is not a fraction from 0 to 1"},
                {"\"validationAccuracy\" : 0.5", "\"validationAccuracy\" : -0.2", "accuracy unknown",
                        "validationAccuracy -0.2 is not a fraction"},
                {"\"steps\" : 20", "\"steps\" : -40", "steps unknown", "steps -40 is not a count of steps"},
                {"\"steps\" : 20", "\"steps\" : 1" + "0".repeat(400), "steps unknown", "is not a count of steps"},
                {"\"mrr\" : 0.25", "\"mrr\" : 3", "accuracy 50.0 %", "evaluation.validation.mrr 3 is not a fraction"}}) {
            assertThat(record).contains(edit[0]);
            Files.writeString(run.resolve("run.json"), record.replace(edit[0], edit[1]));
            RunHistory.Run read = RunHistory.read(run);
            assertThat(read.toString()).as(edit[1]).contains(edit[2]).doesNotContain("750", "-40 steps", "0000000000")
                    .doesNotContain("MRR 3").hasSizeLessThan(300);
            assertThat(read.doubt()).as(edit[1]).contains(edit[3]).contains("edited by hand or is damaged")
                    .hasSizeLessThan(300);
            assertThat(String.valueOf(read.validationAccuracy())).as(edit[1])
                    .isEqualTo(edit[1].contains("validationAccuracy") ? "NaN" : "0.5");
            assertThat(read.steps()).as(edit[1]).isEqualTo(edit[1].contains("steps") ? -1 : 20);
            RunComparison.Row row = RunComparison.rows(RunHistory.list(runs)).get(0);
            assertThat(String.valueOf(row.value(RunComparison.Metric.VALIDATION_MRR))).as(edit[1])
                    .isEqualTo(edit[1].contains("mrr") ? "NaN" : "0.25");
        }
    }

    /**
     * Compare's Status column read "HEAD 1 OF 'SELF-ATTENTION' REMOVED" (cut to "HEAD 1 O…") for a model saved without a
     * head: the outcome in capitals. A kept model's status is KEPT (a slimmed one's SLIMMED), with its source's steps.
     */
    @Test
    void aKeptModelIsListedAsKeptWithItsSourcesSteps(@TempDir Path runs) throws Exception {
        Path source = KeptRuns.run(runs, "p-1", "p", "/x/p.dwproj", TrainingSettings.defaults(), "finished", 20, 0.5,
                Double.NaN);
        Path kept = Files.createDirectories(runs.resolve("p-1-without-head"));
        dev.deepwire.training.RunRecord.writeKept(kept, source, "p", Path.of("/x/p.dwproj"), TrainingSettings.defaults(),
                "head 1 of 'attn' removed", 0.4, Double.NaN, 0, 0, java.util.Map.of());
        RunComparison.Row row = RunComparison.rows(java.util.List.of(RunHistory.read(kept))).get(0);
        assertThat(row.status()).isEqualTo("KEPT");
        assertThat(row.run().steps()).isEqualTo(20);
    }

    @Test
    void aCopyWithHeadsRemovedByAnEarlierDeepWireReadsStepsUnknownNotZero(@TempDir Path runs) throws Exception {
        // An earlier DeepWire wrote such a copy's run.json with "steps": 0 and no keptFrom: Runs… said "0 steps".
        Path old = KeptRuns.run(runs, "p-without-attn-head-3", "p", "/x/p.dwproj", TrainingSettings.defaults(),
                "heads 1, 3 of 'Self-attention' removed", 0, 0.4, Double.NaN);
        RunHistory.Run read = RunHistory.read(old);
        assertThat(read.steps()).isEqualTo(-1);
        assertThat(read.toString()).contains("steps unknown").doesNotContain("0 steps");
        assertThat(read.doubt()).contains("heads 1, 3 of 'Self-attention' removed").contains("earlier DeepWire");

        // a run that trained 0 steps (stopped at once) still reads 0 steps
        Path stopped = KeptRuns.run(runs, "p-2", "p", "/x/p.dwproj", TrainingSettings.defaults(), "stopped", 0, 0.1,
                Double.NaN);
        assertThat(RunHistory.read(stopped).toString()).contains("0 steps");
        assertThat(RunHistory.read(stopped).doubt()).isEmpty();
    }
}
