package dev.deepwire.cli;

import dev.deepwire.training.backend.ThreadSettings;
import picocli.CommandLine.Option;

/** The options train and bench share: the ND4J backend and the thread count. */
final class RunOptionsMixin {
    @Option(names = "--backend", paramLabel = "cpu|cuda", defaultValue = "cpu",
            description = "ND4J backend: cpu (default) or cuda (needs a build made with -Pcuda and a CUDA 11.6 "
                    + "runtime; otherwise the CPU is used, with a note)")
    String backend;

    @Option(names = "--threads", paramLabel = "T",
            description = "CPU threads a training step uses, 1 to 4 × the processors (default: for models under 5 million "
                    + "parameters 2 — ND4J on one, the largest matrix products and weight gradients on a second — else "
                    + "all cores)")
    Integer threads;

    /** Refuses a backend or thread count that cannot be used, before any work. */
    void check() throws CliException {
        if (!backend.equalsIgnoreCase("cpu") && !backend.equalsIgnoreCase("cuda")) {
            throw new CliException(ExitCodes.BAD_INPUT, "--backend must be cpu or cuda; got " + backend);
        }
        int max = ThreadSettings.max();
        if (threads != null && (threads < 1 || threads > max)) {
            throw new CliException(ExitCodes.BAD_INPUT, "--threads must be from 1 to " + max + " (4 × the " + max / 4
                    + " processors here); got " + threads);
        }
    }

    /** Applies the thread count asked for, or the one that suits a model of this size. */
    void applyThreads(long params) throws CliException {
        Bench.applyThreads(threads != null ? threads : ThreadSettings.recommended(params), params);
    }
}
