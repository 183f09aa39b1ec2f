package dev.deepwire.worker;

import dev.deepwire.training.RunControl;
import dev.deepwire.inspect.HealthProbe;
import dev.deepwire.training.RunOptions;
import dev.deepwire.training.TrainingEngine;
import dev.deepwire.training.TrainingListener;
import java.util.concurrent.Executor;

/** Trains on a thread of this process (tests, and the fallback when no training process can start). */
public final class InProcessLauncher implements RunLauncher {
    private final Executor trainer;

    public InProcessLauncher(Executor trainer) {
        this.trainer = trainer;
    }

    @Override
    public RunControl start(Launch launch, TrainingListener listener) {
        if (launch.options().checkpointDir() != null) {
            // the run folder keeps what was trained, as a training process's does (Evaluate after an edit reads it)
            String unkept = dev.deepwire.training.RunFiles.keepProject(launch.project(), launch.options().checkpointDir());
            if (unkept != null) {
                System.err.println("deepwire: the run's copy of its project was not kept: " + unkept);
            }
        }
        RunOptions measured = launch.options().withHealth(HealthProbe::new);
        RunOptions options = launch.capture() == null ? measured
                : measured.withStepHook(launch.capture().recorder(launch.data(), launch.captured()));
        return new TrainingEngine(trainer).start(launch.network(), launch.data(), launch.settings(), options, listener);
    }
}
