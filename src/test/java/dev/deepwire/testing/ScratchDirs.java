package dev.deepwire.testing;

import dev.deepwire.io.files.FolderTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Temporary folders for tests whose set-up cannot take JUnit's {@code @TempDir} (TestFX's {@code @Start} methods, helpers
 * shared by many tests): made in the system's temporary folder and removed with what they hold when the test JVM ends,
 * so the suite leaves nothing behind there.
 */
public final class ScratchDirs {
    private static final List<Path> MADE = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ScratchDirs::removeAll, "scratch-dirs-cleanup"));
    }

    private ScratchDirs() {
    }

    /** A new empty folder whose name starts with {@code prefix}, removed when this JVM ends. */
    public static Path create(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        synchronized (MADE) {
            MADE.add(dir);
        }
        return dir;
    }

    /** Removes every folder made so far, with its contents (links are removed, not followed). */
    static void removeAll() {
        List<Path> dirs;
        synchronized (MADE) {
            dirs = new ArrayList<>(MADE);
            MADE.clear();
        }
        for (Path dir : dirs) {
            removeTree(dir);
        }
    }

    static void removeTree(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            FolderTrees.delete(dir);
        } catch (IOException | UncheckedIOException e) {
            // a file still open by a closing window: left to the system's cleaning of its temporary folder
        }
    }
}
