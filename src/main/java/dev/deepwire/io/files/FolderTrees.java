package dev.deepwire.io.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing a folder with everything in it: the one place that walks a tree to delete it. */
public final class FolderTrees {
    private FolderTrees() {
    }

    /**
     * Deletes {@code dir} and everything under it, deepest first. Links are removed, never followed, so nothing outside
     * the folder is touched; a file that went away meanwhile is passed over.
     *
     * @throws java.nio.file.NoSuchFileException if {@code dir} does not exist
     */
    public static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
