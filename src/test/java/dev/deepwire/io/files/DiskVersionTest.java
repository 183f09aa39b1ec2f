package dev.deepwire.io.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.testing.ScratchDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;

class DiskVersionTest {
    @Test
    void onlyOtherBytesAreAnotherVersion() throws Exception {
        Path dir = ScratchDirs.create("disk-version");
        Path f = Files.writeString(dir.resolve("p.dwproj"), "{\"name\":\"lesson\"}");
        DiskVersion read = DiskVersion.of(f);

        Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Files.writeString(f, "{\"name\":\"lesson\"}"); // checked out again, the same content
        assertThat(DiskVersion.changedSince(read, f)).as("touched, same bytes").isFalse();

        Files.writeString(f, "{\"name\":\"lessoN\"}"); // the same length, one byte other
        assertThat(DiskVersion.changedSince(read, f)).isTrue();

        Files.delete(f);
        assertThat(DiskVersion.changedSince(read, f)).as("gone: saving writes it back, nothing lost").isFalse();
        assertThat(DiskVersion.of(f).absent()).isTrue();
        assertThat(DiskVersion.changedSince(null, f)).as("nothing known").isFalse();
    }

    /**
     * A window remembers what it saved from the bytes it wrote, not by reading the file back: another window's save
     * landing between the write and the reading back had been taken for this window's own, and this window's next save
     * replaced it unasked.
     */
    @Test
    void theVersionOfTheBytesWrittenSeesASaveThatCameJustAfter() throws Exception {
        Path dir = ScratchDirs.create("disk-version");
        byte[] mine = "{\"name\":\"mine\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path f = Files.write(dir.resolve("p.dwproj"), mine);
        DiskVersion known = DiskVersion.ofContent(mine);
        assertThat(DiskVersion.changedSince(known, f)).as("the file as written").isFalse();
        assertThat(known.text()).isEqualTo(DiskVersion.of(f).text());

        Files.writeString(f, "{\"name\":\"theirs\"}\n"); // the other window's save, just after
        assertThat(DiskVersion.changedSince(known, f)).isTrue();
    }

    @Test
    void aLinkIsReadThroughAsASaveWritesThrough() throws Exception {
        Path dir = ScratchDirs.create("disk-version");
        Path real = Files.writeString(dir.resolve("real.dwproj"), "one");
        Path link = Files.createSymbolicLink(dir.resolve("link.dwproj"), real);
        DiskVersion read = DiskVersion.of(link);
        Files.writeString(real, "two");
        assertThat(DiskVersion.changedSince(read, link)).isTrue();
        assertThat(DiskVersion.of(dir)).as("a folder is no version").isNull();
    }
}
