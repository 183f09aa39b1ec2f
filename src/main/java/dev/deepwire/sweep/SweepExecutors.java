package dev.deepwire.sweep;

import dev.deepwire.training.DistributedTraining;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Chooses what runs a sweep: the Spark executor when this build has one ({@code mvn -Pspark package}; found with
 * {@link ServiceLoader}), on {@code master} or else {@code local[N]} / {@code local[*]}; otherwise this machine's own
 * processes ({@link LocalSweepExecutor}), for which a master cannot be given.
 */
public final class SweepExecutors {
    /** What a sweep says when a master is given to a build without Spark. */
    public static final String NO_SPARK = "this build has no Spark: build with `mvn -Pspark package` and run the "
            + "Spark jar it makes (README, \"Sweeps\"), or leave out --master to run on this machine's own processes";

    private SweepExecutors() {
    }

    /** Whether this build can run sweeps on Spark. */
    public static boolean sparkPresent() {
        return !factories().isEmpty();
    }

    private static List<SweepExecutorFactory> factories() {
        try {
            return ServiceLoader.load(SweepExecutorFactory.class).stream().map(ServiceLoader.Provider::get).toList();
        } catch (ServiceConfigurationError e) {
            return List.of(); // a registration whose class this build lacks (target/ left from a -Pspark build)
        }
    }

    /** This machine's processors: the default number of runs at once. */
    public static int defaultParallel() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * @param master   a Spark master, or null
     * @param parallel runs at once, or null for one per processor
     * @throws SweepSpecException when a master is given and this build has no Spark
     */
    public static SweepExecutor open(String master, Integer parallel) throws SweepSpecException {
        if (parallel != null && parallel < 1) {
            throw new SweepSpecException("--parallel must be 1 or more; got " + parallel);
        }
        if (master != null && DistributedTraining.masterProblem(master) != null) {
            throw new SweepSpecException("--master " + DistributedTraining.masterProblem(master));
        }
        List<SweepExecutorFactory> spark = factories();
        if (spark.isEmpty()) {
            if (master != null) {
                throw new SweepSpecException("--master " + master + ": " + NO_SPARK);
            }
            return new LocalSweepExecutor(parallel != null ? parallel : defaultParallel());
        }
        String m = master != null ? master : parallel != null ? "local[" + parallel + "]" : "local[*]";
        return spark.get(0).open(m);
    }
}
