package dev.deepwire.ui.inspect;

import dev.deepwire.data.Dataset;
import dev.deepwire.inspect.AttentionRecorder.Snapshot;
import dev.deepwire.inspect.TrainedModel;
import dev.deepwire.ui.training.TrainingViewModel;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The model the inspector captures maps from and intervenes on — a loaded one, else the run's while it rests
 * (paused, stopped or ended) — and captures made from it in the background, each handed to the UI thread, or
 * why it failed to {@code problem}.
 */
final class RestingCaptures {
    private final AttentionSession session;
    private final TrainingViewModel training;
    private final Executor background;
    private final Consumer<String> problem;

    RestingCaptures(AttentionSession session, TrainingViewModel training, Executor background, Consumer<String> problem) {
        this.session = session;
        this.training = training;
        this.background = background;
        this.problem = problem;
    }

    Optional<TrainedModel> model() {
        return session.loadedModel().isPresent() ? session.loadedModel() : training.restingModel();
    }

    /** The step a capture is labelled with: a loaded model's saved step; -1 (the run's last step) for the run's own. */
    long savedStep() {
        return session.loadedModel().map(TrainedModel::trainedSteps).orElse(-1L);
    }

    /** Captures {@code node}'s maps over {@code data} from the model at rest; false when there is none at rest. */
    boolean capture(String node, long step, Dataset data, Consumer<Snapshot> then) {
        Optional<TrainedModel> m = model();
        if (m.isEmpty() || data == null) {
            return false;
        }
        CompletableFuture.supplyAsync(() -> m.get().capture(node, step, data), background).whenComplete((s, e) -> Platform.runLater(() -> {
            if (e != null) {
                problem.accept("Cannot capture the attention: " + (e.getCause() != null ? e.getCause() : e).getMessage());
            } else {
                then.accept(s);
            }
        }));
        return true;
    }
}
