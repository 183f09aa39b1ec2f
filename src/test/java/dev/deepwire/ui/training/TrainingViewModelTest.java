package dev.deepwire.ui.training;

import dev.deepwire.training.RunState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Port;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.training.RunFolderLock;
import dev.deepwire.training.RunFolders;
import dev.deepwire.training.TrainingEvent;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.worker.TrainingProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training from the workbench without a display: background work and the trainer run inline or queued. */
class TrainingViewModelTest {
    @TempDir
    Path dir;

    private static Project small() throws Exception {
        Project p = SmallMarker.project(Map.of("train", 256, "validation", 64));
        return p;
    }

    private static final TrainingSettings SETTINGS = new TrainingSettings(2, 32, "adam", 1e-3, 42, 0, 0);

    @Test
    void aRunFillsTheCurvesWritesItsFolderAndUnlocksTheGraph() throws Exception {
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(), small(), Runnable::run, Runnable::run);
        TrainingViewModel vm = new TrainingViewModel(editor, Runnable::run, Runnable::run, Runnable::run, () -> dir);
        assertThat(vm.start(SETTINGS)).isTrue();
        // The trainer ran inline: every event is queued until the next frame drains it.
        assertThat(editor.lockedProperty().get()).isTrue();
        int events = vm.drain();
        assertThat(events).isGreaterThan(16);
        assertThat(vm.phaseProperty().get()).isEqualTo(RunState.FINISHED);
        assertThat(vm.history().trainLoss()).hasSize(16);
        assertThat(vm.history().validationAccuracy()).hasSize(2);
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.measured().progressTextProperty().get()).contains("epoch 2/2").contains("step 16/16").contains("samples/s")
                .as("an ended run has no time left").doesNotContain("ETA");
        assertThat(editor.lockedProperty().get()).isFalse();
        Path run = vm.runDir().orElseThrow();
        assertThat(Files.readAllLines(run.resolve("metrics.csv")).get(0)).isEqualTo("step,epoch,train_loss,val_loss,val_accuracy,val_mrr");
        assertThat(run.resolve("model.zip")).exists();
        assertThat(vm.statusProperty().get()).startsWith("Finished")
                .as("a figure and its % never wrap apart ('100.0 / %')").containsPattern("accuracy \\d+\\.\\d\u00a0%");
        assertThat(vm.savedRunProperty().get()).as("where it was saved, on its own").isEqualTo(run.toAbsolutePath());
        assertThat(vm.health()).containsKeys("attn", "ffn", "norm1");
        assertThat(run.resolve("best.zip")).exists();
        assertThat(RunHistory.keptProject(run)).as("trained in this process (the fallback): its folder keeps the "
                + "project it trained, as a training process's does").hasValueSatisfying(p -> assertThat(
                p.graph().nodes().size()).isEqualTo(editor.graph().nodes().size()));

        assertThat(vm.start(SETTINGS)).as("Train again").isTrue(); // its events wait for the next frame's drain
        assertThat(vm.measured().progressTextProperty().get()).as("not the last run's 'epoch 2/2 · step 16/16' while it prepares")
                .isEmpty();
        assertThat(vm.progressProperty().get()).isZero();
        vm.drain();
    }

    @Test
    void aRunInATrainingProcessEndsWithItsModelBackInTheWindow() throws Exception {
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(), small(), Runnable::run, Runnable::run);
        TrainingViewModel vm = new TrainingViewModel(editor, Runnable::run, Runnable::run, Runnable::run, () -> dir);
        var processes = new TrainingProcesses((launch, listener) -> {
            throw new AssertionError("fell back to training in this process");
        }, 0, 0);
        CountDownLatch ended = new CountDownLatch(1);
        vm.setLauncher((launch, listener) -> processes.start(launch, event -> {
            listener.onEvent(event);
            if (event instanceof TrainingEvent.RunFinished
                    || event instanceof TrainingEvent.RunFailed) {
                ended.countDown();
            }
        }));
        try {
            assertThat(vm.start(SETTINGS)).isTrue();
            assertThat(vm.phaseProperty().get()).isEqualTo(RunState.RUNNING);
            assertThat(ended.await(2, TimeUnit.MINUTES)).isTrue();
            vm.drain();
            assertThat(vm.statusProperty().get()).startsWith("Finished");
            assertThat(vm.phaseProperty().get()).isEqualTo(RunState.FINISHED);
            assertThat(vm.history().trainLoss()).hasSize(16);
            assertThat(vm.health()).containsKeys("attn", "ffn", "norm1");
            Path run = vm.runDir().orElseThrow();
            assertThat(run.resolve("project.dwproj")).exists();
            assertThat(run.resolve("best.zip")).exists();
            var model = vm.restingModel().orElseThrow();
            assertThat(ModelSerializer.restoreComputationGraph(run.resolve("model.zip").toFile(), false)
                    .params()).as("the model the window holds is the one the run saved").isEqualTo(model.network().params());
        } finally {
            processes.close();
        }
    }

    /**
     * Stop pressed while paused: the run ends without the window saying it went on. The trainer leaves its pause to stop
     * and said RUNNING; the window had turned back to "Training …" and ended a step-through of the paused model with
     * "training went on and changed the model".
     */
    @Test
    void aPausedRunStoppedNeverReadsAsGoingOn() throws Exception {
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(), small(), Runnable::run, Runnable::run);
        java.util.concurrent.ExecutorService trainer = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            TrainingViewModel vm = new TrainingViewModel(editor, Runnable::run, trainer, Runnable::run, () -> dir);
            assertThat(vm.start(new TrainingSettings(200, 32, "adam", 1e-3, 42, 0, 0))).isTrue();
            vm.pause();
            for (long end = System.nanoTime() + 120_000_000_000L; vm.phaseProperty().get() != RunState.PAUSED
                    && System.nanoTime() < end; ) {
                vm.drain();
                Thread.onSpinWait();
            }
            assertThat(vm.phaseProperty().get()).isEqualTo(RunState.PAUSED);
            List<RunState> phases = new ArrayList<>();
            List<String> said = new ArrayList<>();
            vm.phaseProperty().addListener((o, was, now) -> phases.add(now));
            vm.statusProperty().addListener((o, was, now) -> said.add(now));
            vm.stop();
            for (long end = System.nanoTime() + 120_000_000_000L; !vm.phaseProperty().get().isOver()
                    && System.nanoTime() < end; ) {
                vm.drain();
                Thread.onSpinWait();
            }
            assertThat(vm.phaseProperty().get()).isEqualTo(RunState.STOPPED);
            assertThat(phases).doesNotContain(RunState.RUNNING);
            assertThat(said).noneMatch(w -> w.startsWith("Training "));
        } finally {
            trainer.shutdownNow();
        }
    }

    @Test
    void theGraphIsReadOnlyWhileARunIsGoing() throws Exception {
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(), small(), Runnable::run, Runnable::run);
        List<Runnable> trainer = new ArrayList<>();
        TrainingViewModel vm = new TrainingViewModel(editor, Runnable::run, trainer::add, Runnable::run, () -> dir);
        vm.start(SETTINGS);
        assertThat(vm.phaseProperty().get()).isEqualTo(RunState.RUNNING);
        assertThat(editor.addBlock("dense", 0, 0)).isNull();
        assertThat(editor.setParam("attn", "heads", 8)).contains("the graph is read-only while training");
        assertThat(editor.messageProperty().get()).contains("read-only while training");
        assertThat(vm.start(SETTINGS)).as("a second start while busy").isFalse();
        trainer.forEach(Runnable::run);
        vm.drain();
        assertThat(editor.setParam("attn", "heads", 8)).isEmpty();
    }

    /** A workbench run holds its folder while it trains: a {@code train --out … --overwrite} cannot take it over. */
    @Test
    void aRunHoldsItsFolderUntilItEnds() throws Exception {
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(), small(), Runnable::run, Runnable::run);
        List<Runnable> trainer = new ArrayList<>();
        TrainingViewModel vm = new TrainingViewModel(editor, Runnable::run, trainer::add, Runnable::run, () -> dir);
        vm.start(SETTINGS);
        assertThat(vm.phaseProperty().get()).isEqualTo(RunState.RUNNING);
        Path run = vm.runDir().orElseThrow();
        assertThatThrownBy(() -> RunFolders.claim(run, true)).isInstanceOf(RunFolderLock.InUse.class)
                .hasMessageContaining(run + " is being written by a run that is still going");
        trainer.forEach(Runnable::run);
        vm.drain();
        assertThat(vm.phaseProperty().get()).isEqualTo(RunState.FINISHED);
        assertThat(run.resolve(RunFolderLock.LOCK_FILE)).as("let go when the run ended").doesNotExist();
        assertThatThrownBy(() -> RunFolders.claim(run, false)).as("an earlier run now, no longer a live one")
                .isInstanceOf(RunFolders.Taken.class);
        assertThat(vm.runs().kept()).extracting(RunHistory.Run::dir).containsExactly(run);
    }

    @Test
    void aCompileErrorFailsBeforeTrainingAndSelectsTheNode() throws Exception {
        Project p = small();
        p.graph().setParam("attn", "heads", 5);
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(), p, Runnable::run, Runnable::run);
        TrainingViewModel vm = new TrainingViewModel(editor, Runnable::run, Runnable::run, Runnable::run, () -> dir);
        vm.start(SETTINGS);
        assertThat(vm.phaseProperty().get()).isEqualTo(RunState.FAILED);
        assertThat(vm.statusProperty().get()).contains("attn").contains("heads");
        assertThat(editor.selection()).containsExactly("attn");
        assertThat(vm.culpritProperty().get()).isEqualTo("attn");
        assertThat(editor.lockedProperty().get()).isFalse();
        assertThat(vm.measured().progressTextProperty().get()).as("no earlier run's place under a run that never began").isEmpty();
        editor.setParam("attn", "heads", 2); // mended: the dock says what Train does now, not the refusal
        assertThat(vm.phaseProperty().get()).isEqualTo(RunState.IDLE);
        assertThat(vm.statusProperty().get()).startsWith("Ready to train");
    }

    @Test
    void aRunsFolderLinkedOutOfTheProjectIsRefusedNamingTheLinkOnceAndNothingIsWrittenThere() throws Exception {
        Path victim = Files.createDirectories(dir.resolve("victim"));
        Path runs = Files.createSymbolicLink(Files.createDirectories(dir.resolve("project")).resolve("runs"), victim);
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(), small(), Runnable::run, Runnable::run);
        TrainingViewModel vm = new TrainingViewModel(editor, Runnable::run, Runnable::run, Runnable::run, () -> runs);
        vm.start(SETTINGS);
        assertThat(vm.phaseProperty().get()).isEqualTo(RunState.FAILED);
        assertThat(vm.statusProperty().get()).startsWith("Cannot write a run folder in " + runs + ": it is a symbolic link to "
                + victim.toRealPath()).contains("Replace it with a real folder").doesNotContain("cannot write " + runs);
        assertThat(editor.lockedProperty().get()).isFalse();
        try (var left = Files.list(victim)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void invalidSettingsAreRefusedWithTheRange() throws Exception {
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(), small(), Runnable::run, Runnable::run);
        TrainingViewModel vm = new TrainingViewModel(editor, Runnable::run, Runnable::run, Runnable::run, () -> dir);
        assertThat(vm.start(new TrainingSettings(0, 32, "adam", 1e-3, 1, 0, 0))).isFalse();
        assertThat(vm.statusProperty().get()).contains("training.epochs must be between 1 and 100000");
        assertThat(vm.phaseProperty().get()).isEqualTo(RunState.IDLE);
    }

    @Test
    void aDivergingRunEndsFailedWithTheReason() throws Exception {
        Project p = small();
        // Without attention and layer norms (which keep activations bounded), two ReLU layers trained with
        // plain SGD at the largest learning rate allowed overflow within a few steps.
        for (String id : List.of("attn", "res1", "norm1", "res2", "norm2")) {
            for (Edge e : List.copyOf(p.graph().edges())) {
                if (e.touches(id)) {
                    p.graph().disconnect(e);
                }
            }
            p.graph().removeNode(id);
        }
        p.graph().connect(new Edge(Port.parse("pos.out"), Port.parse("ffn.in")));
        p.graph().connect(new Edge(Port.parse("ffn.out"), Port.parse("pool.in")));
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(), p, Runnable::run, Runnable::run);
        TrainingViewModel vm = new TrainingViewModel(editor, Runnable::run, Runnable::run, Runnable::run, () -> dir);
        vm.start(new TrainingSettings(3, 32, "sgd", 10.0, 42, 0, 0));
        vm.drain();
        assertThat(vm.phaseProperty().get()).isEqualTo(RunState.FAILED);
        assertThat(vm.statusProperty().get()).contains("lower the learning rate");
        assertThat(editor.lockedProperty().get()).isFalse();
        // The block where the NaN first appeared is selected and marked on the canvas.
        assertThat(editor.selection()).hasSize(1);
        String culprit = editor.selection().iterator().next();
        assertThat(vm.statusProperty().get()).contains("'" + culprit + "'");
        assertThat(vm.health().get(culprit).problem()).contains("NaN or infinite values in its output");
    }

    @Test
    void runsAreKeptListedComparedAndDeleted() throws Exception {
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(), small(), Runnable::run, Runnable::run);
        TrainingViewModel vm = new TrainingViewModel(editor, Runnable::run, Runnable::run, Runnable::run, () -> dir);
        vm.start(SETTINGS);
        vm.drain();
        Path first = vm.runDir().orElseThrow();
        vm.start(SETTINGS.withSeed(7));
        vm.drain();
        List<RunHistory.Run> runs = vm.runs().kept();
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).dir()).isEqualTo(vm.runDir().orElseThrow());
        assertThat(runs.get(1).dir()).isEqualTo(first);
        assertThat(runs.get(1).outcome()).startsWith("finished");
        assertThat(runs.get(1).settings()).contains("adam").contains("seed 42");
        vm.compareWith(runs.get(1), RunHistory.curves(runs.get(1)));
        assertThat(vm.history().previousTrainLoss()).isNotEmpty();
        assertThat(vm.history().previousValidationAccuracy()).hasSize(2);
        RunHistory.delete(runs.get(1));
        assertThat(vm.runs().kept()).hasSize(1);
        assertThat(first).doesNotExist();
    }

    /** A window on the small project whose file is {@code file[0]} (null: not saved, its runs go to {@code home}). */
    private static TrainingViewModel window(Path[] file, Path home) throws Exception {
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(), small(), Runnable::run, Runnable::run);
        TrainingViewModel vm = new TrainingViewModel(editor, Runnable::run, Runnable::run, Runnable::run,
                () -> file[0] == null ? home : file[0].getParent().resolve("runs"));
        vm.setProjectFile(() -> file[0]);
        return vm;
    }

    @Test
    void aRunSavedUnderANewFileWhileItTrainedIsListedWithThatFile() throws Exception {
        Path home = dir.resolve("home-runs");
        Path[] file = {null};
        TrainingViewModel vm = window(file, home);
        vm.start(SETTINGS); // an unsaved project: its run goes to the folder for unsaved projects
        Path saved = Files.createDirectories(dir.resolve("lessons")).resolve("marker.dwproj");
        file[0] = saved; // Save As while it trains (the trainer ran inline; the run ends as its events are drained)
        vm.drain();
        Path run = vm.runDir().orElseThrow();
        assertThat(run.getParent()).isEqualTo(home);
        assertThat(vm.runs().kept()).extracting(RunHistory.Run::dir).containsExactly(run);
        assertThat(Files.readString(run.resolve("run.json"))).contains(saved.toAbsolutePath().toString());

        // Opened again later (another window, after a restart): the run is still the saved project's.
        TrainingViewModel reopened = window(file, home);
        assertThat(reopened.runs().kept()).as("only its own runs folder").isEmpty();
        reopened.runs().alsoListIn(home);
        assertThat(reopened.runs().kept()).extracting(RunHistory.Run::dir).containsExactly(run);

        // Saved as yet another file while a second run trains: it belongs to both files.
        Path other = Files.createDirectories(dir.resolve("elsewhere")).resolve("copy.dwproj");
        reopened.start(SETTINGS.withSeed(7));
        file[0] = other;
        reopened.setProjectFile(() -> file[0]);
        reopened.drain();
        Path second = reopened.runDir().orElseThrow();
        assertThat(second.getParent()).isEqualTo(saved.getParent().resolve("runs"));
        assertThat(reopened.runs().kept()).extracting(RunHistory.Run::dir).containsExactly(second);
        reopened.setProjectFile(() -> saved);
        assertThat(reopened.runs().kept()).extracting(RunHistory.Run::dir).containsExactly(second, run);
        Path unsavedOther = Files.createDirectories(dir.resolve("third")).resolve("unrelated.dwproj");
        reopened.setProjectFile(() -> unsavedOther);
        assertThat(reopened.runs().kept()).as("another project's file lists none of them").isEmpty();
    }

    @Test
    void aRunThatEndedBeforeTheProjectWasFirstSavedBecomesTheSavedFilesRun() throws Exception {
        Path home = dir.resolve("home-runs");
        Path[] file = {null};
        TrainingViewModel vm = window(file, home);
        vm.runs().alsoListIn(home);
        vm.start(SETTINGS);
        vm.drain(); // ended, recorded with no file
        Path run = vm.runDir().orElseThrow();
        Path saved = Files.createDirectories(dir.resolve("lessons")).resolve("flowers.dwproj");
        file[0] = saved; // Save As, the first save
        assertThat(vm.runs().kept()).as("before it is told").isEmpty();
        vm.projectSaved(null, saved);
        assertThat(vm.runs().kept()).extracting(RunHistory.Run::dir).containsExactly(run);

        TrainingViewModel reopened = window(file, home);
        reopened.runs().alsoListIn(home);
        assertThat(reopened.runs().kept()).as("after a restart").extracting(RunHistory.Run::dir).containsExactly(run);
    }

    /**
     * A model kept from a run of a project not saved yet (heads removed, slimmed) stayed a run of no file: at the first
     * Save the run became the file's and stayed in Runs…, the kept model vanished from it. Both become the file's.
     */
    @Test
    void aModelKeptFromARunBeforeTheFirstSaveBecomesTheSavedFilesRunToo() throws Exception {
        Path home = dir.resolve("home-runs");
        Path[] file = {null};
        TrainingViewModel vm = window(file, home);
        vm.runs().alsoListIn(home);
        vm.start(SETTINGS);
        vm.drain();
        Path run = vm.runDir().orElseThrow();
        Path kept = Files.createDirectories(run.resolveSibling(run.getFileName() + " without attn head 1"));
        dev.deepwire.training.RunRecord.writeKept(kept, run, "flowers", null, SETTINGS, "head 1 of 'attn' removed", 0.5,
                Double.NaN, 0, 0, java.util.Map.of());
        Path slim = Files.createDirectories(run.resolveSibling(run.getFileName() + "-slim"));
        dev.deepwire.training.RunRecord.writeKept(slim, kept, "flowers", null, SETTINGS, "slimmed: 10 % of weights pruned",
                0.5, Double.NaN, 0, 0, java.util.Map.of());
        Path other = Files.createDirectories(home.resolve("someone-else"));
        dev.deepwire.training.RunRecord.write(other, vm.editor().project().name(), null, null, SETTINGS, "finished", 3, 0.5,
                Double.NaN);
        assertThat(vm.runs().kept()).extracting(RunHistory.Run::dir).contains(run, kept, slim);

        Path saved = Files.createDirectories(dir.resolve("lessons")).resolve("flowers.dwproj");
        file[0] = saved;
        vm.projectSaved(null, saved);
        assertThat(vm.runs().kept()).extracting(RunHistory.Run::dir).containsExactlyInAnyOrder(run, kept, slim);
        assertThat(RunHistory.read(other).projectFile()).as("a run not of this window stays as it was").isEmpty();
    }
}
