package dev.deepwire.training;

import java.nio.file.Path;

/**
 * How one run is driven beyond the project's settings.
 *
 * @param maxSteps      stop after this many steps (0: no limit)
 * @param checkpointDir where checkpoints go ({@code null}: none are written)
 * @param projectName   shown in events
 * @param healthEvery   measure each block's health every this many steps (0: never)
 * @param stepHook      called on the training thread after each step and once at the end
 * @param healthBudget  the largest share of the training's time health measurements may take, spacing them out
 *                      beyond {@code healthEvery} (0: no limit; see {@link ObservationPacer})
 * @param health        makes the monitor that measures block health ({@link HealthMonitor.Factory#NONE}: no
 *                      health events, whatever {@code healthEvery} says)
 */
public record RunOptions(long maxSteps, Path checkpointDir, String projectName, int healthEvery, StepHook stepHook,
                         double healthBudget, HealthMonitor.Factory health) {
    public RunOptions {
        stepHook = stepHook == null ? StepHook.NONE : stepHook;
        health = health == null ? HealthMonitor.Factory.NONE : health;
    }

    public RunOptions(long maxSteps, Path checkpointDir, String projectName, int healthEvery) {
        this(maxSteps, checkpointDir, projectName, healthEvery, StepHook.NONE, 0, HealthMonitor.Factory.NONE);
    }

    public RunOptions withStepHook(StepHook hook) {
        return new RunOptions(maxSteps, checkpointDir, projectName, healthEvery, hook, healthBudget, health);
    }

    /** Measures block health with monitors made by {@code factory} (every {@code healthEvery} steps). */
    public RunOptions withHealth(HealthMonitor.Factory factory) {
        return new RunOptions(maxSteps, checkpointDir, projectName, healthEvery, stepHook, healthBudget, factory);
    }

    public RunOptions withHealthBudget(double budget) {
        return new RunOptions(maxSteps, checkpointDir, projectName, healthEvery, stepHook, budget, health);
    }

    /** Node health measured every 25 steps by default. */
    public RunOptions(long maxSteps, Path checkpointDir, String projectName) {
        this(maxSteps, checkpointDir, projectName, 25);
    }

    public static RunOptions defaults(String projectName) {
        return new RunOptions(0, null, projectName);
    }
}
