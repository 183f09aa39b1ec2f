package dev.deepwire.cli;

import dev.deepwire.compiler.CompileResult;
import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.model.Issue;
import dev.deepwire.training.PreparedRun;
import java.io.PrintStream;
import java.util.List;

/**
 * The command line's side of a {@link PreparedRun}: the project as read, compiled, its data loaded and checked as
 * validate does, with its warnings; a failure becomes the command line's exit code. What train, bench and inspect start from.
 */
record LoadedProject(ProjectSession session, CompiledNetwork network, DatasetSplits data, List<String> warnings) {

    static LoadedProject load(ProjectSession session) throws CliException {
        CompileResult result = session.compile();
        if (!result.ok()) {
            throw new CliException(ExitCodes.INVALID, session.file + " is not valid: "
                    + String.join("; ", result.errors().stream().map(Issue::toString).toList())
                    + " (run 'deepwire validate " + session.file + "' for details)");
        }
        PreparedRun run = PreparedRun.withData(result.orThrow(), session.project.dataset(), session.project.training(),
                session.projectDir());
        if (!run.ok()) {
            throw new CliException(ExitCodes.INVALID, session.file + ": " + run.problem());
        }
        return new LoadedProject(session, run.network(), run.data(), session.warnings(result));
    }

    /** Prints the project's WARN lines (as validate does), one each, before a run starts. */
    void printWarnings(PrintStream out) {
        warnings.forEach(w -> out.println(TerminalSafeStream.oneLine(w)));
    }
}
