package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.TrainingSettings;
import dev.deepwire.sweep.SweepRunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryListTest {
    @Test
    void aRunThatWasNeverMeasuredSaysSoInsteadOfAccuracyNaN(@TempDir Path runs) throws Exception {
        Path stopped = Files.createDirectories(runs.resolve("p-sweep-1"));
        Files.write(stopped.resolve("run.json"), new SweepRunRecord("p", "/x/p.dwproj", false,
                "the sweep was stopped before this run ended", 0, Double.NaN, Double.NaN, "validation loss", Double.NaN,
                TrainingSettings.defaults(), Map.of("seed", "42")).toJson());
        Path measured = Files.createDirectories(runs.resolve("p-sweep-2"));
        Files.write(measured.resolve("run.json"), new SweepRunRecord("p", "/x/p.dwproj", true, null, 20, 3.4, 0.0625,
                "validation loss", 3.4, TrainingSettings.defaults(), Map.of("seed", "43")).toJson());

        assertThat(RunHistory.list(runs)).extracting(RunHistory.Run::toString)
                .anySatisfy(s -> assertThat(s).startsWith("p-sweep-1").contains("accuracy not measured")
                        .doesNotContain("NaN"))
                .anySatisfy(s -> assertThat(s).startsWith("p-sweep-2").contains("accuracy 6.3 %"));
    }

    @Test
    void aSweepsKnowledgeGraphRunIsListedWithItsMrr(@TempDir Path runs) throws Exception {
        // a sweep ranked on MRR wrote it under its metrics only: Runs… and Compare showed no MRR for its runs
        Path run = Files.createDirectories(runs.resolve("kg-sweep-1"));
        Files.write(run.resolve("run.json"), new SweepRunRecord("kg", "/x/kg.dwproj", true, null, 40, 8.1, 0.02,
                "validation filtered MRR", 0.137, TrainingSettings.defaults().withSelectOn("mrr"), Map.of("seed", "42")).toJson());
        RunHistory.Run listed = RunHistory.read(run);
        assertThat(listed.validationMrr()).isEqualTo(0.137);
        assertThat(listed.projectFile()).isEqualTo("/x/kg.dwproj");
        assertThat(listed.toString()).contains("validation filtered MRR 0.137");
    }

    @Test
    void aRunFolderFromElsewhereWhoseRecordIsAPipeHugeOrALinkIsSkippedNotWaitedOnNorWrittenThrough(@TempDir Path runs) throws Exception {
        // a downloaded project's runs/: the window had hung opening Runs… on the pipe (and Save As, Evaluate's chooser)
        Path pipe = Files.createDirectories(runs.resolve("p-1"));
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.resolve("run.json").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        Path huge = Files.createDirectories(runs.resolve("p-2"));
        try (var f = new java.io.RandomAccessFile(huge.resolve("run.json").toFile(), "rw")) {
            f.setLength(dev.deepwire.training.RunRecord.RECORD_BYTES + 1); // sparse: no disk used
        }
        Path elsewhere = Files.createDirectories(runs.getParent().resolve(runs.getFileName() + "-elsewhere"));
        Files.write(elsewhere.resolve("settings.json"), new SweepRunRecord("p", "/x/p.dwproj", true, null, 20, 3.4,
                0.0625, "validation loss", 3.4, TrainingSettings.defaults(), Map.of("seed", "44")).toJson());
        Path linked = Files.createDirectories(runs.resolve("p-4"));
        Files.createSymbolicLink(linked.resolve("run.json"), elsewhere.resolve("settings.json"));
        Path kept = Files.createDirectories(runs.resolve("p-3"));
        Files.write(kept.resolve("run.json"), new SweepRunRecord("p", "/x/p.dwproj", true, null, 20, 3.4, 0.0625,
                "validation loss", 3.4, TrainingSettings.defaults(), Map.of("seed", "43")).toJson());
        var listed = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> RunHistory.list(runs));
        assertThat(listed).extracting(r -> r.dir().getFileName().toString()).containsExactly("p-3");
        assertThat(RunComparison.rows(listed)).hasSize(1);
        RunEvaluation.record(linked, Map.of("accuracy", 0.5)); // as Evaluate does for a chosen run
        assertThat(Files.readString(elsewhere.resolve("settings.json"))).as("never written through the link")
                .doesNotContain("evaluation");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunHistory.record(pipe))
                .hasMessageContaining("not a regular file");
    }

    /**
     * A kept run's run.json edited by hand: settings no run trains with (evaluating it said "needs about 8589934592.0 GB"
     * for a batch of -5, "unknown optimizer bogus" for another, neither naming the file), and records that are no record
     * at all (empty, null, a list), which had been listed as runs of nothing with 0 steps.
     */
    @Test
    void aRecordEditedIntoNonsenseIsRefusedNamingTheFile(@TempDir Path runs) throws Exception {
        TrainingSettings project = TrainingSettings.defaults();
        Path kept = dev.deepwire.testing.KeptRuns.run(runs, "p-1", "p", "/x/p.dwproj", project.withBatchSize(32),
                "finished", 20, 0.5, Double.NaN);
        assertThat(RunHistory.settings(kept, project).batchSize()).isEqualTo(32);
        String record = Files.readString(kept.resolve("run.json"));
        for (String[] edit : new String[][] {{"\"batchSize\" : 32", "\"batchSize\" : -5", "settings.batchSize must be"},
                {"\"optimizer\" : \"adam\"", "\"optimizer\" : \"bogus\"", "settings.optimizer must be one of"},
                {"\"validationSplit\" : 0.0", "\"validationSplit\" : \"NaN\"", "settings.validationSplit must be"}}) {
            assertThat(record).contains(edit[0]);
            Files.writeString(kept.resolve("run.json"), record.replace(edit[0], edit[1]));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunHistory.settings(kept, project))
                    .isInstanceOf(java.io.IOException.class)
                    .hasMessageContaining(kept.resolve("run.json").toString()).hasMessageContaining(edit[2]);
        }
        for (String nothing : new String[] {"", "null", "[]", "\"run\"", "42"}) {
            Files.writeString(kept.resolve("run.json"), nothing);
            assertThat(RunHistory.list(runs)).as(nothing).isEmpty();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunHistory.record(kept)).as(nothing)
                    .hasMessageContaining("is not a run's record");
        }
    }

    /**
     * Texts of a run.json that would take over the list: an outcome of 500,000 characters filled Runs… with one cell of
     * thousands of lines, and a U+202E, an escape or a newline in an outcome or a swept value reversed, coloured or split
     * the run's line. Each is shown on one line, escaped, a long value by its start and length.
     */
    @Test
    void aRecordsTextsAreShownOnOneLineEscapedAndShort(@TempDir Path runs) throws Exception {
        String outcome = "fin\u202eished\n\u001b[31m " + "x".repeat(500_000);
        dev.deepwire.testing.KeptRuns.run(runs, "p-1", "p", "/x/p.dwproj", TrainingSettings.defaults(), outcome, 20, 0.5,
                Double.NaN);
        dev.deepwire.testing.KeptRuns.sweepRun(runs, "p-sweep-1", new SweepRunRecord("p", "/x/p.dwproj", false,
                "stopped", 0, Double.NaN, Double.NaN, "validation loss", Double.NaN, TrainingSettings.defaults(),
                Map.of("attn.heads", "4\n\u202e2")));
        String line = RunHistory.read(runs.resolve("p-1")).toString();
        assertThat(line).contains("fin\\u202eished\\u000a\\u001b[31m").contains("(500,000 characters)")
                .doesNotContain("\u202e", "\n", "\u001b").hasSizeLessThan(1000);
        List<RunComparison.Row> rows = RunComparison.rows(RunHistory.list(runs));
        assertThat(rows).extracting(RunComparison.Row::settings).contains("attn.heads=4\\u000a\\u202e2");
        assertThat(rows).extracting(RunComparison.Row::status).noneMatch(t -> t.contains("\u202e") || t.contains("\n"));
    }

    /**
     * A run folder from elsewhere whose metrics.csv is a link out of it (to /etc/passwd, to a key): the file was read and
     * its first line that is not a row quoted in Compare's note. A run writes its metrics as a new file, never a link.
     */
    @Test
    void aMetricsFileThatIsALinkIsNotReadNorQuoted(@TempDir Path runs) throws Exception {
        Path secret = Files.writeString(runs.getParent().resolve(runs.getFileName() + "-secret.txt"),
                "first line\nhunter2:the secret\n");
        Path run = dev.deepwire.testing.KeptRuns.run(runs, "p-1", "p", "/x/p.dwproj", TrainingSettings.defaults(),
                "finished", 20, 0.5, Double.NaN);
        Files.createSymbolicLink(run.resolve("metrics.csv"), secret);
        RunComparison.Row row = RunComparison.rows(RunHistory.list(runs)).get(0);
        assertThat(row.metricsProblem()).contains("metrics.csv is a symbolic link").doesNotContain("hunter2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunHistory.curves(RunHistory.read(run)))
                .hasMessageContaining("symbolic link").hasMessageNotContaining("hunter2");
    }

    /** A metrics.csv of other bytes than UTF-8: Compare said "Input length = 1"; now it names the file and why. */
    @Test
    void aMetricsFileThatIsNotTextSaysSo(@TempDir Path runs) throws Exception {
        Path run = dev.deepwire.testing.KeptRuns.run(runs, "p-1", "p", "/x/p.dwproj", TrainingSettings.defaults(),
                "finished", 20, 0.5, Double.NaN);
        Files.write(run.resolve("metrics.csv"), (dev.deepwire.training.MetricsCsv.HEADER + "\n10,1,0.\u00ff9,0.8,0.5,\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(RunComparison.rows(RunHistory.list(runs)).get(0).metricsProblem())
                .isEqualTo("metrics.csv is not UTF-8 text, so not a run's metrics (the file was edited or damaged)");
    }

    /**
     * A kept run of a million epoch rows: opening its project left the window white for a minute and a half while the
     * dock's previous-run chart drew every point (Compare had been thinned alone). A kept run's curves are read thinned,
     * each at most {@link MetricsHistory#MOST_POINTS} points, its first and last kept, and so reach the dock.
     */
    @Test
    void aKeptRunOfVeryManyEpochsReachesEveryChartThinned(@TempDir Path runs) throws Exception {
        Path run = dev.deepwire.testing.KeptRuns.run(runs, "p-1", "p", "/x/p.dwproj", TrainingSettings.defaults(),
                "finished", 60_000, 0.5, Double.NaN);
        int epochs = 60_000;
        double[] losses = new double[epochs];
        double[] accuracies = new double[epochs];
        double[] mrrs = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            losses[e] = 1.0 / (e + 1);
            accuracies[e] = e / (double) epochs;
            mrrs[e] = 0.1;
        }
        dev.deepwire.testing.KeptRuns.epochs(run, 1, 0.9, losses, accuracies, mrrs);
        MetricsHistory curves = RunHistory.curves(RunHistory.read(run));
        for (List<MetricsHistory.Point> c : List.of(curves.validationLoss(), curves.validationAccuracy(),
                curves.validationMrr())) {
            assertThat(c).hasSizeLessThanOrEqualTo(MetricsHistory.MOST_POINTS + 1)
                    .hasSizeGreaterThan(MetricsHistory.MOST_POINTS / 2);
            assertThat(c.get(0).step()).isEqualTo(1.0);
            assertThat(c.get(c.size() - 1).step()).as("the last epoch is kept").isEqualTo((double) epochs);
        }
        MetricsHistory whole = new MetricsHistory(); // as a caller might hand the dock a run's every point
        for (int e = 0; e < epochs; e++) {
            whole.validationAccuracy().add(new MetricsHistory.Point(e + 1, 0.5));
        }
        RunProgress dock = new RunProgress();
        dock.showPrevious(whole, MetricsHistory.PREVIOUS);
        assertThat(dock.history().previousValidationAccuracy()).hasSizeLessThanOrEqualTo(MetricsHistory.MOST_POINTS + 1);
    }
    /**
     * A run whose process was killed (kill -9 of the training process or the window) or ended as stuck ("did not stop
     * within 15 s"), or whose run.json was cut short: its folder kept metrics.csv and checkpoints, yet Runs… left it
     * out without a word. It is listed as a run ended without a record, with its epochs done and its last checkpoint; a
     * folder a live run holds is a run going on, and stays out.
     */
    @Test
    void aRunThatEndedWithoutItsRecordIsListedWithWhatItKept(@TempDir Path runs) throws Exception {
        Path killed = Files.createDirectories(runs.resolve("p-20261207-101010"));
        dev.deepwire.testing.KeptRuns.epochs(killed, 50, 0.7, new double[] {0.9, 0.8, 0.7}, new double[] {0.5, 0.6, 0.7},
                null);
        Files.write(killed.resolve("checkpoint-epoch-1.zip"), new byte[] {1});
        Files.write(killed.resolve("checkpoint-epoch-3.zip"), new byte[] {1});
        Files.write(killed.resolve(dev.deepwire.training.RunFolderLock.LOCK_FILE), "12345\n".getBytes()); // left behind
        Path cut = Files.createDirectories(runs.resolve("p-20261207-101011"));
        dev.deepwire.testing.KeptRuns.epochs(cut, 50, 0.7, new double[] {0.9}, new double[] {0.5}, null);
        Files.writeString(cut.resolve("run.json"), "{\"project\" : \"p\", \"outc");
        Path live = Files.createDirectories(runs.resolve("p-20261207-101012"));
        dev.deepwire.testing.KeptRuns.epochs(live, 50, 0.7, new double[] {0.9}, new double[] {0.5}, null);

        try (var held = dev.deepwire.training.RunFolderLock.on(live)) {
            List<RunHistory.Run> listed = RunHistory.list(runs);
            assertThat(listed).extracting(r -> r.dir().getFileName().toString())
                    .containsExactlyInAnyOrder("p-20261207-101010", "p-20261207-101011");
            RunHistory.Run k = listed.stream().filter(r -> r.dir().equals(killed)).findFirst().orElseThrow();
            assertThat(k.outcome()).contains("ended without a record", "no run.json", "3 epochs done",
                    "checkpoint-epoch-3.zip", "metrics.csv").doesNotContain("checkpoint-epoch-1.zip");
            assertThat(k.steps()).isEqualTo(150);
            assertThat(k.project()).isEqualTo("p");
            assertThat(k.toString()).contains("accuracy unknown");
            assertThat(RunHistory.inspectable(k)).as("Inspect opens the checkpoint it kept, not a model.zip it has not")
                    .isEqualTo(killed.resolve("checkpoint-epoch-3.zip"));
            RunHistory.Run c = listed.stream().filter(r -> r.dir().equals(cut)).findFirst().orElseThrow();
            assertThat(c.outcome()).contains("run.json unreadable", "1 epoch done");
            assertThat(c.settings()).isEqualTo("settings not recorded");
            // the project the run kept as it began says what it trained with (it had said "settings not recorded")
            var kept = new dev.deepwire.model.Project("p", "", dev.deepwire.model.Project.untitled().graph(),
                    null, new TrainingSettings(7, 32, "sgd", 0.05, 9L, 0, 0));
            new dev.deepwire.io.ProjectWriter().write(kept, dev.deepwire.training.RunFiles.keptProjectFile(killed));
            RunHistory.Run again = RunHistory.list(runs).stream().filter(r -> r.dir().equals(killed)).findFirst()
                    .orElseThrow();
            assertThat(again.settings()).isEqualTo("sgd 0.05, batch 32, seed 9 (its project.dwproj)");
            assertThat(again.project()).isEqualTo("p");
            assertThat(RunHistory.ofProject(List.of(runs), "p", Path.of("/x/p.dwproj"))).hasSize(2);
        }
        assertThat(RunHistory.list(runs)).as("the run has ended: its folder is listed too").hasSize(3);
    }
}
