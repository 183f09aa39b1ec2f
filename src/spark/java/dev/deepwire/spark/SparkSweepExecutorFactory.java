package dev.deepwire.spark;

import dev.deepwire.sweep.SweepExecutor;
import dev.deepwire.sweep.SweepExecutorFactory;

/** Registered in META-INF/services: runs a sweep's tasks on a Spark master ({@code local[*]} when none is named). */
public final class SparkSweepExecutorFactory implements SweepExecutorFactory {
    @Override
    public SweepExecutor open(String master) {
        return new SparkSweepExecutor(master == null || master.isBlank() ? "local[*]" : master);
    }
}
