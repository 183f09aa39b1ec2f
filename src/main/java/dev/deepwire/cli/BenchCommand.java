package dev.deepwire.cli;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.sweep.SweepSettings;
import dev.deepwire.sweep.SweepSpecException;
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

    @Option(names = "--param", paramLabel = "KEY=VALUE",
            description = {"a setting changed for this bench only, as in sweep: training.<setting> or <block>.<parameter>",
                    "(e.g. score.dim=64, to time a model at a reference's size); repeatable"})
    java.util.List<String> params = new java.util.ArrayList<>();

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
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new CliException(ExitCodes.BAD_INPUT, "--param " + p + ": write KEY=VALUE, e.g. score.dim=64");
            }
            try {
                SweepSettings.apply(session.project, BlockCatalog.standard(), p.substring(0, eq).strip(), p.substring(eq + 1));
            } catch (SweepSpecException e) {
                throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
            }
        }
        if (!params.isEmpty()) {
            // the project was valid before the --param: the value is what is wrong (it had read "FILE is not valid …
            // run 'deepwire validate FILE'", which finds nothing wrong with the file)
            var compiled = session.compile();
            if (!compiled.ok()) {
                throw new CliException(ExitCodes.BAD_INPUT, "--param " + String.join(" --param ", params) + ": "
                        + String.join("; ", compiled.errors().stream().map(dev.deepwire.model.Issue::toString).toList())
                        + " (choose another value)");
            }
        }
        LoadedProject prepared = LoadedProject.load(session);
        options.applyThreads(prepared.network().totalParams());
        prepared.printWarnings(Console.err()); // standard output keeps its one result line
        Console.out().println(Bench.run(prepared, steps, warmup).line());
        return ExitCodes.OK;
    }
}
