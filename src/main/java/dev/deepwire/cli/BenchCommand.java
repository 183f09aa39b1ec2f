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

    @Option(names = "--backend", paramLabel = "cpu|cuda", defaultValue = "cpu",
            description = "ND4J backend: cpu (default) or cuda (needs a build made with -Pcuda and a CUDA 11.6 "
                    + "runtime; otherwise the CPU is used, with a note)")
    String backend;

    @Option(names = "--threads", paramLabel = "T",
            description = "CPU threads for ND4J (default: 1 for models under 5 million parameters, else all cores)")
    Integer threads;

    @Override
    public Integer call() throws CliException {
        if (!backend.equalsIgnoreCase("cpu") && !backend.equalsIgnoreCase("cuda")) {
            throw new CliException(ExitCodes.BAD_INPUT, "--backend must be cpu or cuda; got " + backend);
        }
        if (steps < 1 || warmup < 0) {
            throw new CliException(ExitCodes.BAD_INPUT, "--steps must be at least 1 and --warmup at least 0");
        }
        Prepared prepared = Prepared.load(ProjectSession.open(file));
        Bench.applyThreads(threads != null ? threads
                : dev.deepwire.training.ThreadSettings.recommended(prepared.network().totalParams()));
        Console.out().println(Bench.run(prepared, steps, warmup).line());
        return ExitCodes.OK;
    }
}
