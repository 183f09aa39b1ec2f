package dev.deepwire.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Output file options checked before any work: a folder (such as {@code /}) is not a file to write. */
final class OutputPaths {
    private OutputPaths() {
    }

    /** Refuses a path that names a folder (or the root) with exit 2; null (option not given) passes. */
    static void requireFile(Path path, String option) throws CliException {
        if (path == null) {
            return;
        }
        if (path.toAbsolutePath().normalize().getFileName() == null || Files.isDirectory(path)) {
            throw new CliException(ExitCodes.BAD_INPUT, option + " " + path + " is a folder; give a file name in it, e.g. "
                    + path.toAbsolutePath().normalize().resolve("out" + extension(option)));
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
