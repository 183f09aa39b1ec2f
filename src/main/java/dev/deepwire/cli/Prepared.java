package dev.deepwire.cli;

import dev.deepwire.compiler.CompileResult;
import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.data.DataException;
import dev.deepwire.data.DatasetLoader;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.model.Issue;
import dev.deepwire.training.DataBinding;
import java.util.List;

/** A project compiled and its data loaded and checked: what train and bench start from. */
record Prepared(ProjectSession session, CompiledNetwork network, DatasetSplits data) {

    static Prepared load(ProjectSession session) throws CliException {
        CompileResult result = session.compile();
        if (!result.ok()) {
            throw new CliException(ExitCodes.INVALID, session.file + " is not valid: "
                    + String.join("; ", result.errors().stream().map(Issue::toString).toList())
                    + " (run 'deepwire validate " + session.file + "' for details)");
        }
        DatasetSplits data;
        try {
            data = DatasetLoader.load(session.project.dataset(), session.projectDir());
        } catch (DataException e) {
            throw new CliException(ExitCodes.INVALID, session.file + ": " + e.getMessage());
        }
        List<Issue> problems = DataBinding.problems(result.network().orElseThrow(), data.train());
        if (!problems.isEmpty()) {
            throw new CliException(ExitCodes.INVALID, session.file + ": " + problems.get(0));
        }
        return new Prepared(session, result.network().orElseThrow(), data);
    }
}
