package dev.deepwire.ui;

import dev.deepwire.data.DataException;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.inspect.AttentionSession;
import dev.deepwire.ui.training.RunHistory;
import dev.deepwire.ui.training.TrainingViewModel;
import dev.deepwire.ui.training.WindowRuns;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * A kept run's model loaded into the window's attention session, for the inspector and step mode: the one Runs… ▸
 * Inspect best model names, or — where the window has no model of its own (a lesson trained, then reopened to present)
 * — the newest trained run's. The project's data, with the run's settings; what goes wrong is said in the status bar.
 */
final class KeptModels {
    private final EditorViewModel vm;
    private final TrainingViewModel training;
    private final AttentionSession attention;
    private final Executor work;

    KeptModels(EditorViewModel vm, TrainingViewModel training, AttentionSession attention, Executor work) {
        this.vm = vm;
        this.training = training;
        this.attention = attention;
        this.work = work;
    }

    /** Whether the window has a model of its own to show: its run (resting or under way), one loaded, or captures. */
    boolean windowHasOne() {
        return training.restingModel().isPresent() || training.phaseProperty().get().busy()
                || attention.loadedModel().isPresent() || !attention.snapshots().isEmpty();
    }

    /**
     * Where the window has no model of its own, loads the newest trained kept run's ({@link
     * WindowRuns#newestModel}); completes, on the UI thread, true once one is loaded, false
     * when the window has its own, no run is kept, or the kept one cannot be loaded (said in the status bar).
     */
    CompletableFuture<Boolean> loadNewestUnlessOwn() {
        if (windowHasOne()) {
            return CompletableFuture.completedFuture(false);
        }
        // the runs' records are read by the window's one reader of kept runs, not on the UI thread
        return training.runs().keptThen(WindowRuns::newestModel).thenComposeAsync(kept -> kept.isPresent() && !windowHasOne() ? load(kept.get())
                : CompletableFuture.completedFuture(false), Platform::runLater);
    }

    /** Loads {@code model} in the background; completes, on the UI thread, true once it is the session's model. */
    CompletableFuture<Boolean> load(Path model) {
        var dataset = vm.project().dataset();
        Supplier<Path> folder = training.data().folder();
        String refusal = training.data().refusal(dataset, folder.get()); // the window's one consent, as Train asks it
        if (refusal != null) {
            vm.messageProperty().set("Not inspected: " + refusal);
            return CompletableFuture.completedFuture(false);
        }
        vm.messageProperty().set("Loading " + model.getFileName() + " for inspection…");
        var graph = vm.graph().copy();
        var catalog = vm.catalog();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return SavedModel.load(model, graph, catalog, dataset, runSettings(model), folder.get());
            } catch (IOException | DataException | RuntimeException e) {
                throw new CompletionException(e);
            }
        }, work).handleAsync((loaded, error) -> {
            if (error != null) {
                vm.messageProperty().set("Cannot inspect " + model + ": " + error.getCause().getMessage());
                return false;
            }
            attention.load(loaded.model(), model.toAbsolutePath().getParent(), loaded.data(), loaded.splits());
            vm.messageProperty().set("Inspecting " + model);
            return true;
        }, Platform::runLater);
    }

    /** The settings of the run that saved {@code model} (its folder's run.json), else the project's. */
    private TrainingSettings runSettings(Path model) {
        TrainingSettings project = vm.project().training();
        Path dir = model.toAbsolutePath().getParent();
        try {
            return dir == null ? project : RunHistory.settings(dir, project);
        } catch (IOException | RuntimeException e) {
            return project; // no run.json beside it (a model saved elsewhere)
        }
    }
}
