package dev.deepwire.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Output file options checked before any work: a folder (such as {@code /}) is not a file to write. */
final class OutputPaths {
    private OutputPaths() {
    }

    /**
     * Refuses a path that names a folder (or the root), or a file in a folder that does not exist (a mistyped folder
     * would otherwise be created, as shell redirection and cp do not), with exit 2; null (option not given) and
     * {@code -} pass.
     */
    static void requireFile(Path path, String option) throws CliException {
        if (path == null || Outputs.isStdout(path)) {
            return;
        }
        if (path.toAbsolutePath().normalize().getFileName() == null || Files.isDirectory(path)) {
            throw new CliException(ExitCodes.BAD_INPUT, option + " " + path + " is a folder; give a file name in it, e.g. "
                    + path.toAbsolutePath().normalize().resolve("out" + extension(option)));
        }
        Path folder = path.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new CliException(ExitCodes.BAD_INPUT, option + " " + path + ": the folder " + folder
                    + (Files.exists(folder) ? " is not a folder" : " does not exist") + "; create it first or write elsewhere");
        }
    }

    /**
     * Refuses (exit 2) an output that is one of the files the command reads ({@code inputs}: what each is, e.g.
     * "the project file"), by any name (a link, {@code ./}, {@code ..}): writing it would destroy the input.
     */
    static void requireNotInput(Path path, String option, Map<Path, String> inputs) throws CliException {
        if (path == null || Outputs.isStdout(path)) {
            return;
        }
        for (Map.Entry<Path, String> input : inputs.entrySet()) {
            if (sameFile(path, input.getKey())) {
                throw new CliException(ExitCodes.BAD_INPUT, option + " " + path + " is " + input.getValue()
                        + ", which this command reads; writing it would destroy it: write elsewhere");
            }
        }
    }

    /** Refuses (exit 2) two outputs of one command that name the same file: the second would replace the first. */
    static void requireDistinct(Path a, String optionA, Path b, String optionB) throws CliException {
        if (a == null || b == null || Outputs.isStdout(a) || Outputs.isStdout(b)
                || a.toAbsolutePath().normalize().startsWith("/dev")) {
            return;
        }
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize()) || sameFile(a, b)) {
            throw new CliException(ExitCodes.BAD_INPUT, optionA + " and " + optionB + " both name " + b
                    + "; give each its own file");
        }
    }

    /** Refuses (exit 2) an empty folder name or {@code -} for an option that names a folder to create. */
    static void requireFolder(Path path, String option) throws CliException {
        if (path == null) {
            return;
        }
        if (path.toString().isBlank()) {
            throw new CliException(ExitCodes.BAD_INPUT, option + " needs a folder name; got an empty one");
        }
        if (path.toString().equals("-")) {
            throw new CliException(ExitCodes.BAD_INPUT, option + " - : a run writes a folder of files, not a stream; "
                    + "give a folder name");
        }
    }

    /** Both exist and are one file (links followed). */
    static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static String extension(String option) {
        return switch (option) {
            case "--png" -> ".png";
            case "--csv" -> ".csv";
            case "--java" -> ".java";
            case "--dl4j-json" -> ".json";
            default -> ".txt";
        };
    }
}
