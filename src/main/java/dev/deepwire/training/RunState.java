package dev.deepwire.training;

/**
 * Where a run is, from before it exists to its end: the window's dock shows it and a run reports it. IDLE: no run
 * yet (or another project was opened); STARTING: compiling and loading data until the first step; then RUNNING or
 * PAUSED; FINISHED, STOPPED and FAILED end it.
 */
public enum RunState {
    IDLE, STARTING, RUNNING, PAUSED, FINISHED, STOPPED, FAILED;

    public boolean isOver() {
        return this == FINISHED || this == STOPPED || this == FAILED;
    }

    /** A run is being prepared or trains (paused included): the graph is read-only and Train is off. */
    public boolean busy() {
        return this == STARTING || this == RUNNING || this == PAUSED;
    }
}
