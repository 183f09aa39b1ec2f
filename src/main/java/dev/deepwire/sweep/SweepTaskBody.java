package dev.deepwire.sweep;

import java.io.Serializable;

/**
 * Trains one run of a sweep headless, on one thread, in the JVM it is called in, and returns its outcome. It never
 * throws for a failing run (a bad value, a diverging loss): that is an outcome that did not finish, with its reason.
 * Serializable so that a Spark task can carry it to an executor.
 */
@FunctionalInterface
public interface SweepTaskBody extends Serializable {
    SweepOutcome run(SweepTask task);
}
