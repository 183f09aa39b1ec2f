package dev.deepwire.cli;

import dev.deepwire.data.DataException;
import dev.deepwire.data.DataPaths;
import picocli.CommandLine.Option;

/**
 * The data-path rule on the command line: a project reads data from inside its own folder; a dataset file given as
 * an absolute path, or one that leaves the folder (by {@code ..} or a link), needs {@code --allow-outside-data}.
 */
final class DataAccessOption {
    @Option(names = "--allow-outside-data",
            description = "let the project read a dataset file outside its folder (an absolute path, ../, or a link)")
    boolean allowOutside;

    /** Refuses (exit 2) a project whose data lies outside its folder, unless allowed. */
    void check(ProjectSession session) throws CliException {
        if (allowOutside) {
            return;
        }
        try {
            var outside = DataPaths.outside(session.project.dataset(), session.projectDir());
            if (outside.isPresent()) {
                throw new CliException(ExitCodes.BAD_INPUT, session.file + ": " + outside.get().message()
                        + "; if you trust this project, run again with --allow-outside-data");
            }
        } catch (DataException e) {
            throw new CliException(ExitCodes.BAD_INPUT, session.file + ": " + e.getMessage());
        }
    }
}
