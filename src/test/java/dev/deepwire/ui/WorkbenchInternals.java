package dev.deepwire.ui;

import dev.deepwire.training.backend.BackendInfo;
import dev.deepwire.ui.training.TrainingViewModel;
import dev.deepwire.worker.TrainingProcesses;
import java.util.concurrent.CompletableFuture;

/**
 * What the workbench benchmarks read from a running workbench, without hooks in the shipped classes: the fields
 * are read by reflection, and a renamed field fails the benchmark at once with its name.
 */
final class WorkbenchInternals {
    private WorkbenchInternals() {
    }

    /** The training dashboard's view model of a window. */
    static TrainingViewModel training(WorkbenchWindow window) {
        return field(window, "training", TrainingViewModel.class);
    }

    /**
     * Completes once a run can start at once: ND4J is loaded in this JVM and the app's spare training process
     * waits for a run (started here if the app has not yet started it; starting it twice does nothing).
     */
    static CompletableFuture<Void> trainingReady(WorkbenchApp app) {
        TrainingProcesses processes = field(app, "processes", TrainingProcesses.class);
        return CompletableFuture.runAsync(() -> {
            BackendInfo.describe();
            processes.prestart();
        }).thenCompose(ignored -> processes.spareReady());
    }

    private static <T> T field(Object owner, String name, Class<T> type) {
        try {
            var f = owner.getClass().getDeclaredField(name);
            f.setAccessible(true);
            return type.cast(f.get(owner));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(owner.getClass().getSimpleName() + " has no field '" + name
                    + "' of type " + type.getSimpleName() + " any more; update WorkbenchInternals", e);
        }
    }
}
