package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.training.RunControl;
import dev.deepwire.training.RunState;
import dev.deepwire.ui.editor.EditorViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first run of a fresh window waits for its training process to start and load ND4J, and the dock said
 * "Training marker" with nothing moving: it says the process is starting, then that the data is being loaded, and
 * the start itself does not wait for the process.
 */
class ProcessStartLineTest {
    @TempDir
    Path dir;

    /** A run in a training process that has not said it is ready. */
    private static final class Starting implements RunControl {
        final CompletableFuture<Void> ready = new CompletableFuture<>();

        @Override
        public RunState state() {
            return RunState.STARTING;
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        @Override
        public void stop() {
        }

        @Override
        public ComputationGraph model() {
            return null;
        }

        @Override
        public CompletableFuture<Void> processReady() {
            return ready;
        }
    }

    @Test
    void theDockSaysTheProcessIsStartingThenLoadingUntilTheRunSpeaks() throws Exception {
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(),
                SmallMarker.project(Map.of("train", 64, "validation", 16)), Runnable::run, Runnable::run);
        List<Runnable> ui = new ArrayList<>(); // the window's thread, run by hand below
        TrainingViewModel vm = new TrainingViewModel(editor, Runnable::run, Runnable::run, r -> ui.add(r), () -> dir);
        Starting run = new Starting();
        vm.setLauncher((launch, listener) -> run);
        assertThat(vm.start(new TrainingSettings(1, 32, "adam", 1e-3, 42, 0, 0))).as("returned without the process").isTrue();
        List<Runnable> now = new ArrayList<>(ui);
        ui.clear();
        now.forEach(Runnable::run); // the compiled network handed back to the window's thread
        assertThat(vm.phaseProperty().get()).isEqualTo(RunState.RUNNING);
        assertThat(vm.statusProperty().get())
                .isEqualTo("Starting the training process and loading ND4J\u2026 (a few seconds, the first time)");

        run.ready.complete(null);
        assertThat(vm.statusProperty().get()).as("changed on the window's thread only").startsWith("Starting");
        List<Runnable> later = new ArrayList<>(ui);
        ui.clear();
        later.forEach(Runnable::run);
        assertThat(vm.statusProperty().get())
                .isEqualTo("Training marker: loading the data and building the network in the training process\u2026");
    }
}
