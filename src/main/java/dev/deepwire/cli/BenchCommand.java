package dev.deepwire.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deepwire bench FILE}: one line with the median training-step time. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time training steps on prepared batches and print one line:",
                "<project-name> ms_per_step=<median> samples_per_s=<n> params=<count>",
                "(the form of shared/bench/torch_reference.py)."})
final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the .dwproj project file")
    Path file;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "200", description = "timed steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "30", description = "untimed steps first (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--batch-size", paramLabel = "B",
            description = "examples per step (default: the project's), e.g. to match a reference's batch")
    Integer batchSize;

    @picocli.CommandLine.Mixin
    RunOptionsMixin options;

    @picocli.CommandLine.Mixin
    DataAccessOption dataAccess;

    @Override
    public Integer call() throws CliException {
        options.check();
        if (steps < 1 || warmup < 0) {
            throw new CliException(ExitCodes.BAD_INPUT, "--steps must be at least 1 and --warmup at least 0");
        }
        ProjectSession session = ProjectSession.open(file);
        dataAccess.check(session);
        if (batchSize != null) {
            var settings = session.project.training().withBatchSize(batchSize);
            if (!settings.validate().isEmpty()) {
                throw new CliException(ExitCodes.BAD_INPUT, "--batch-size: " + String.join("; ", settings.validate()));
            }
            session.project.setTraining(settings);
        }
        LoadedProject prepared = LoadedProject.load(session);
        options.applyThreads(prepared.network().totalParams());
        prepared.printWarnings(Console.err()); // standard output keeps its one result line
        Console.out().println(Bench.run(prepared, steps, warmup).line());
        return ExitCodes.OK;
    }
}
