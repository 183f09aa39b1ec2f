package dev.deepwire.cli;

import dev.deepwire.compiler.CompileResult;
import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.model.Issue;
import dev.deepwire.training.PreparedRun;

/** A project compiled and its data loaded and checked (by {@link PreparedRun}, as validate does): what train, bench and inspect start from. */
record Prepared(ProjectSession session, CompiledNetwork network, DatasetSplits data, java.util.List<String> warnings) {

    static Prepared load(ProjectSession session) throws CliException {
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
        return new Prepared(session, run.network(), run.data(), session.warnings(result));
    }

    /** Prints the project's WARN lines (as validate does), one each, before a run starts. */
    void printWarnings(java.io.PrintStream out) {
        warnings.forEach(w -> out.println(TerminalSafeStream.oneLine(w)));
    }
}
