package dev.deepwire.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchDirsTest {
    @Test
    void aFolderMadeIsRemovedWithItsContentsAndALinkInItIsRemovedNotFollowed(@TempDir Path outside) throws Exception {
        Path kept = Files.writeString(outside.resolve("kept.txt"), "not the scratch folder's");
        Path dir = ScratchDirs.create("deepwire-scratch-test");
        Files.createDirectories(dir.resolve("autosave"));
        Files.writeString(dir.resolve("autosave").resolve("a.dwproj"), "{}");
        Files.createSymbolicLink(dir.resolve("link"), outside);
        assertThat(dir.getFileName().toString()).startsWith("deepwire-scratch-test");

        ScratchDirs.removeAll();

        assertThat(dir).doesNotExist();
        assertThat(kept).hasContent("not the scratch folder's");
    }
}
