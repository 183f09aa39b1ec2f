package dev.deepwire.sweep;

/**
 * Found with {@link java.util.ServiceLoader}: the Spark build ({@code -Pspark}) registers one that runs a sweep on a
 * Spark master; the default build has none and runs sweeps with its own local executor.
 */
public interface SweepExecutorFactory {
    /** An executor on this master ({@code local[*]}, {@code local[2]}, {@code spark://host:7077}). */
    SweepExecutor open(String master);
}
