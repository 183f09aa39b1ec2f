package dev.deepwire.training;

/**
 * Receives events on the training thread. Keep it quick: a UI queues events and draws them once per
 * frame rather than working here.
 */
@FunctionalInterface
public interface TrainingListener {
    void onEvent(TrainingEvent event);
}
