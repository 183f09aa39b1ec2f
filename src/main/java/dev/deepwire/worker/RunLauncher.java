package dev.deepwire.worker;

import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.inspect.AttentionRecorder;
import dev.deepwire.inspect.CaptureSpec;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.training.RunControl;
import dev.deepwire.training.RunOptions;
import dev.deepwire.training.TrainingListener;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Starts a run somewhere: on a thread of this process or in a training process of its own. */
@FunctionalInterface
public interface RunLauncher {

    /**
     * Everything a run needs, in both forms: the project as the user drew it (a training process compiles and loads
     * it again) and the compiled network with its loaded data (for training here).
     *
     * @param project    the project with the graph and settings being trained
     * @param dataFolder where the dataset's relative paths start
     * @param capture    the attention maps to capture (null: none); each goes to {@code captured}
     * @param options    step limit, run folder (checkpoints), health interval; its step hook is not used
     */
    record Launch(Project project, Path dataFolder, CompiledNetwork network, DatasetSplits data, TrainingSettings settings,
                  RunOptions options, CaptureSpec capture, Consumer<AttentionRecorder.Snapshot> captured) {
    }

    /** Starts the run; its events go to {@code listener} (from another thread), in order. */
    RunControl start(Launch launch, TrainingListener listener);
}
