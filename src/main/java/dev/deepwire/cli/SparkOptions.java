package dev.deepwire.cli;

import dev.deepwire.training.DistributedTraining;
import picocli.CommandLine.Option;

/** {@code train}'s options for data-parallel training on Spark ({@code --spark}, {@code --mode}, {@code --workers}). */
final class SparkOptions {
    @Option(names = "--spark", paramLabel = "MASTER",
            description = "train data-parallel on Spark: local[4] (in this process) or spark://host:7077 "
                    + "(the Spark build only: mvn -Pspark package)")
    String master;

    @Option(names = "--mode", paramLabel = "MODE",
            description = "with --spark: averaging (parameter averaging, the default) or sharing (gradient sharing)")
    String mode;

    @Option(names = "--workers", paramLabel = "N",
            description = "with --spark: split each epoch's data into N parts, one worker each (default: the master's cores)")
    Integer workers;

    /** The Spark trainer when --spark was given (null without it); refuses options it cannot honour. */
    DistributedTraining check() throws CliException {
        if (master == null) {
            if (mode != null || workers != null) {
                throw new CliException(ExitCodes.BAD_INPUT, (mode != null ? "--mode" : "--workers")
                        + " only applies with --spark MASTER (e.g. --spark local[4])");
            }
            return null;
        }
        if (DistributedTraining.masterProblem(master) != null) {
            throw new CliException(ExitCodes.BAD_INPUT, "--spark " + DistributedTraining.masterProblem(master));
        }
        if (mode != null && !DistributedTraining.MODES.contains(mode)) {
            throw new CliException(ExitCodes.BAD_INPUT, "--mode must be averaging or sharing; got " + mode);
        }
        if (workers != null && workers < 1) {
            throw new CliException(ExitCodes.BAD_INPUT, "--workers must be 1 or more; got " + workers);
        }
        return DistributedTraining.find().orElseThrow(() -> new CliException(ExitCodes.BAD_INPUT,
                "this build has no Spark: build with `mvn -Pspark package` and run scripts/deepwire-spark train FILE "
                        + "--spark " + master + " (see README, Spark)"));
    }

    DistributedTraining.Request request() {
        return new DistributedTraining.Request(master, mode == null ? "averaging" : mode, workers == null ? 0 : workers);
    }
}
