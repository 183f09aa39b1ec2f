package dev.deepwire.training;

/** Where a run is; the workbench always shows it. */
public enum RunState {
    STARTING, RUNNING, PAUSED, FINISHED, STOPPED, FAILED;

    public boolean isOver() {
        return this == FINISHED || this == STOPPED || this == FAILED;
    }
}
