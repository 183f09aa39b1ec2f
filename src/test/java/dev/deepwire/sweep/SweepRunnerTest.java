package dev.deepwire.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepRunnerTest {
    @TempDir
    Path dir;

    /** Runs each task on the calling thread, as a Spark or local executor would hand outcomes back. */
    private static class InThread implements SweepExecutor {
        final List<String> ran = new ArrayList<>();

        @Override
        public String describe() {
            return "this thread";
        }

        @Override
        public void run(List<SweepTask> tasks, SweepTaskBody body, Consumer<SweepOutcome> done) {
            tasks.forEach(t -> {
                ran.add(t.runName());
                done.accept(body.run(t));
            });
        }

        @Override
        public void close() {
        }
    }

    private static List<SweepTask> tasks() {
        List<SweepTask> tasks = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            tasks.add(new SweepTask("p-sweep-" + i, "/nowhere/p.dwproj", "{}", Map.of("x", String.valueOf(5 - i), "seed", "42")));
        }
        return tasks;
    }

    @Test
    void finishedRunsAreKeptInRunsAndSweepJsonAndAResumeRerunsOnlyTheOthers() throws Exception {
        SweepSpec spec = new SweepSpec(Map.of("x", List.of("4", "3", "2", "1")), 1, 0);
        Path runs = dir.resolve("runs");
        SweepFolder folder = SweepFolder.create(dir.resolve("sweep"), dir.resolve("p.dwproj"), "p-sweep", spec, tasks());
        List<SweepFolder.Entry> heard = new ArrayList<>();
        new SweepRunner(folder, runs).run(tasks(), new InThread(), new FakeSweepBody(Set.of("p-sweep-2"), Set.of()), heard::add);

        assertThat(heard).extracting(SweepFolder.Entry::status).containsExactly("FINISHED", "FAILED", "FINISHED", "FINISHED");
        assertThat(heard.get(1).reason()).isEqualTo("the loss diverged (fake)");
        assertThat(runs.resolve("p-sweep-1/run.json")).exists();
        assertThat(runs.resolve("p-sweep-2/metrics.csv")).exists();
        assertThat(Files.readString(runs.resolve("p-sweep-2/run.json"))).contains("\"status\" : \"FAILED\"")
                .contains("the loss diverged (fake)").contains("\"x\" : \"3\"");
        assertThat(dir.resolve("escape.txt")).doesNotExist();
        assertThat(runs.resolve("escape.txt")).doesNotExist();
        // the sweep's state on disk, as a later process reads it
        SweepFolder reread = SweepFolder.open(dir.resolve("sweep"));
        assertThat(reread.entries()).extracting(SweepFolder.Entry::status)
                .containsExactly("FINISHED", "FAILED", "FINISHED", "FINISHED");
        assertThat(reread.entries().get(0).metric()).isEqualTo(4.0);
        assertThat(reread.spec()).isEqualTo(spec);
        // ranked by the figure, lower loss first, the failed run last
        assertThat(SweepRunner.ranked(reread.entries(), false)).extracting(SweepFolder.Entry::runName)
                .containsExactly("p-sweep-4", "p-sweep-3", "p-sweep-1", "p-sweep-2");

        // run 3's folder lost its run.json: it is rerun with the failed one; the finished ones are skipped
        Files.delete(runs.resolve("p-sweep-3/run.json"));
        SweepRunner again = new SweepRunner(reread, runs);
        again.checkSamePlan(tasks());
        List<SweepTask> todo = again.unfinished(tasks());
        assertThat(todo).extracting(SweepTask::runName).containsExactly("p-sweep-2", "p-sweep-3");
        InThread executor = new InThread();
        again.run(todo, executor, new FakeSweepBody(Set.of(), Set.of()), e -> { });
        assertThat(executor.ran).containsExactly("p-sweep-2", "p-sweep-3");
        assertThat(SweepFolder.open(dir.resolve("sweep")).entries()).allMatch(SweepFolder.Entry::finished);
        assertThat(runs.resolve("p-sweep-2/run.json")).exists();
        assertThat(new SweepRunner(SweepFolder.open(dir.resolve("sweep")), runs).unfinished(tasks())).isEmpty();
    }

    /**
     * A sweep ranked its runs on the selection figure its workers wrote into run.json, unchecked: an accuracy of 7.5 (a
     * worker's bug, or a hostile executor) ranked first. It is read through the one reader of a run's figures
     * ({@link dev.deepwire.training.RecordFigures}), so an impossible figure is none: that run is listed without one.
     */
    @Test
    void aFigureInSweepJsonNoRunMeasuresIsNotRankedOnEither() {
        // sweep.json keeps each run's figure without its kind; edited by hand, an accuracy of 7.5 had ranked first
        List<SweepFolder.Entry> entries = List.of(entry("a", 7.5), entry("b", 0.6), entry("c", 0.8), entry("d", -0.25));
        assertThat(SweepRunner.ranked(entries, true)).extracting(SweepFolder.Entry::runName)
                .containsExactly("c", "b", "a", "d");
        assertThat(SweepRunner.ranked(entries, false)).as("a loss: any figure from 0 up, lowest first")
                .extracting(SweepFolder.Entry::runName).containsExactly("b", "c", "a", "d");
    }

    private static SweepFolder.Entry entry(String name, double metric) {
        return new SweepFolder.Entry(name, Map.of(), "FINISHED", null, metric);
    }

    @Test
    void aSelectionFigureNoRunMeasuresIsNotRankedOn() throws Exception {
        SweepSpec spec = new SweepSpec(Map.of("x", List.of("4", "3", "2", "1")), 1, 0);
        Path runs = dir.resolve("runs");
        SweepFolder folder = SweepFolder.create(dir.resolve("sweep"), dir.resolve("p.dwproj"), "p-sweep", spec, tasks());
        Map<String, String> written = Map.of("p-sweep-1", "7.5", "p-sweep-2", "0.6", "p-sweep-3", "0.8", "p-sweep-4", "-0.25");
        SweepTaskBody body = task -> new SweepOutcome(task.runName(), true, null, Map.of("run.json", ("{\"project\":\"p\","
                + "\"outcome\":\"finished\",\"status\":\"FINISHED\",\"metrics\":{\"selection\":\"validation accuracy\","
                + "\"selectionValue\":" + written.get(task.runName()) + "}}").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        new SweepRunner(folder, runs).run(tasks(), new InThread(), body, e -> { });

        List<SweepFolder.Entry> entries = SweepFolder.open(dir.resolve("sweep")).entries();
        assertThat(entries).extracting(e -> String.valueOf(e.metric())).containsExactly("NaN", "0.6", "0.8", "NaN");
        assertThat(SweepRunner.ranked(entries, true)).extracting(SweepFolder.Entry::runName)
                .containsExactly("p-sweep-3", "p-sweep-2", "p-sweep-1", "p-sweep-4");
        // the run's own record says why it has no figure, where Runs… and Compare show it
        var record = dev.deepwire.training.RunRecord.read(runs.resolve("p-sweep-1"));
        assertThat(dev.deepwire.training.RecordFigures.doubts(record))
                .anyMatch(d -> d.contains("metrics.selectionValue 7.5 is not a validation accuracy"));
    }

    @Test
    void aResumeRefusesAPlanThatNoLongerMatchesTheRecordedRuns() throws Exception {
        SweepSpec spec = new SweepSpec(Map.of("x", List.of("4", "3", "2", "1")), 1, 0);
        SweepFolder folder = SweepFolder.create(dir, dir.resolve("p.dwproj"), "p-sweep", spec, tasks());
        List<SweepTask> changed = new ArrayList<>(tasks());
        changed.set(2, new SweepTask("p-sweep-3", "/nowhere/p.dwproj", "{}", Map.of("x", "2", "seed", "7")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SweepRunner(folder, dir).checkSamePlan(changed))
                .isInstanceOf(SweepSpecException.class).hasMessageContaining("p-sweep-3")
                .hasMessageContaining("(seed 42 → 7)");
        // A setting outside the swept ones changed: named with both values, not the same values twice
        changed.set(2, new SweepTask("p-sweep-3", "/nowhere/p.dwproj", "{}", Map.of("x", "2", "seed", "42", "epochs", "9")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SweepRunner(folder, dir).checkSamePlan(changed))
                .hasMessageContaining("(epochs (none) → 9)");
    }

    @Test
    void aResumeNeverReplacesARunFolderThatAnotherSweepOrAPlainRunWrote() throws Exception {
        SweepSpec spec = new SweepSpec(Map.of("x", List.of("4", "3", "2", "1")), 1, 0);
        Path runs = dir.resolve("runs");
        // a run of the same name that this sweep did not write (another sweep.json named it, or a plain training run)
        Path other = Files.createDirectories(runs.resolve("p-sweep-2"));
        Files.writeString(other.resolve("run.json"), "{\"project\":\"p\",\"status\":\"FINISHED\"}");
        Files.writeString(other.resolve("metrics.csv"), "theirs");
        SweepFolder folder = SweepFolder.create(dir.resolve("sweep"), dir.resolve("p.dwproj"), "p-sweep", spec, tasks());
        SweepRunner runner = new SweepRunner(folder, runs);

        assertThat(runner.foreignRunFolders(tasks())).containsExactly("p-sweep-2");
        List<SweepFolder.Entry> heard = new ArrayList<>();
        runner.run(tasks(), new InThread(), new FakeSweepBody(Set.of("p-sweep-3"), Set.of()), heard::add);

        assertThat(heard.get(1).status()).isEqualTo("FAILED");
        assertThat(heard.get(1).reason()).contains("p-sweep-2").contains("did not write").contains("move it away");
        assertThat(Files.readString(other.resolve("metrics.csv"))).isEqualTo("theirs");
        assertThat(Files.readString(other.resolve("run.json"))).doesNotContain("\"sweep\"");
        // its own runs, finished and failed, are marked as its own and may be replaced by a resume
        assertThat(Files.readString(runs.resolve("p-sweep-1/run.json")))
                .contains(dir.resolve("sweep").resolve(SweepFolder.FILE).toAbsolutePath().normalize().toString());
        assertThat(runner.foreignRunFolders(tasks())).containsExactly("p-sweep-2");
        Files.writeString(other.resolve("run.json"), "{\"sweep\": \"" + dir.resolve("elsewhere/sweep.json") + "\"}");
        assertThat(new SweepRunner(SweepFolder.open(dir.resolve("sweep")), runs).foreignRunFolders(tasks()))
                .containsExactly("p-sweep-2");
    }

    /**
     * A live run (a {@code train --out runs/p-sweep-2} just started, no file written yet, so not "another run's
     * folder") holds the folder a task would write: that task fails and writes nothing into it.
     */
    @Test
    void aRunFolderThatALiveRunHoldsIsNotWrittenInto() throws Exception {
        SweepSpec spec = new SweepSpec(Map.of("x", List.of("4", "3", "2", "1")), 1, 0);
        Path runs = dir.resolve("runs");
        SweepFolder folder = SweepFolder.create(dir.resolve("sweep"), dir.resolve("p.dwproj"), "p-sweep", spec, tasks());
        List<SweepFolder.Entry> heard = new ArrayList<>();
        try (var live = dev.deepwire.training.RunFolders.claim(runs.resolve("p-sweep-2"), false)) {
            new SweepRunner(folder, runs).run(tasks(), new InThread(), new FakeSweepBody(Set.of(), Set.of()), heard::add);
        }
        assertThat(heard).extracting(SweepFolder.Entry::status).containsExactly("FINISHED", "FAILED", "FINISHED", "FINISHED");
        assertThat(heard.get(1).reason()).contains("p-sweep-2").contains("is being written by a run that is still going");
        try (var files = Files.list(runs.resolve("p-sweep-2"))) {
            assertThat(files).as("nothing written into the live run's folder").isEmpty();
        }
        try (var files = Files.list(runs.resolve("p-sweep-1"))) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain(dev.deepwire.training.RunFolderLock.LOCK_FILE);
        }
    }

    @Test
    void anOutcomeHandedBackOnAnInterruptedThreadIsStillWrittenWholeAndTheInterruptKept() throws Exception {
        SweepSpec spec = new SweepSpec(Map.of("x", List.of("4", "3", "2", "1")), 1, 0);
        Path runs = dir.resolve("runs");
        SweepFolder folder = SweepFolder.create(dir.resolve("sweep"), dir.resolve("p.dwproj"), "p-sweep", spec, tasks());
        List<Boolean> stillInterrupted = new ArrayList<>();
        SweepExecutor cancelledWhileHandingBack = new InThread() {
            @Override
            public void run(List<SweepTask> tasks, SweepTaskBody body, Consumer<SweepOutcome> done) {
                SweepOutcome outcome = body.run(tasks.get(0));
                Thread.currentThread().interrupt(); // Cancel sweep, as the outcome comes back
                done.accept(outcome);
                stillInterrupted.add(Thread.interrupted());
            }
        };
        new SweepRunner(folder, runs).run(tasks(), cancelledWhileHandingBack, new FakeSweepBody(Set.of(), Set.of()), e -> { });

        assertThat(stillInterrupted).containsExactly(true);
        assertThat(Files.readString(runs.resolve("p-sweep-1/run.json"))).contains("\"status\" : \"FINISHED\"");
        assertThat(runs.resolve("p-sweep-1/metrics.csv")).exists();
        assertThat(SweepFolder.open(dir.resolve("sweep")).entries().get(0).status()).isEqualTo("FINISHED");
    }
}
