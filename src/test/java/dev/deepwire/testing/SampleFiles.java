package dev.deepwire.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Every project file shipped in sample-projects (its subfolders included), in name order. */
public final class SampleFiles {
    private static final Path ROOT = Path.of("sample-projects");

    private SampleFiles() {
    }

    /** Not the copies in runs/ (ignored by git) that training a sample opened from there leaves behind. */
    public static List<Path> all() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(f -> f.toString().endsWith(".dwproj") && !f.startsWith(ROOT.resolve("runs")))
                    .sorted().toList();
        }
    }
}
