package dev.deepwire.io.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gallery's index may come from the folder DeepWire was started in (a checkout's sample-projects/): read bounded,
 * each entry a file inside that folder with its texts — not opened wherever an entry points.
 */
class SampleLibraryTest {
    @TempDir
    Path dir;

    private Path gallery(String samples) throws IOException {
        Files.writeString(dir.resolve("gallery.json"), "{\"samples\": [" + samples + "], \"data\": []}");
        return dir;
    }

    private static String entry(String file) {
        return "{\"file\": \"" + file + "\", \"title\": \"A lesson\", \"time\": \"1 min\", \"reaches\": \"95 %\"}";
    }

    @Test
    void theShippedGalleryReads() throws Exception {
        SampleLibrary library = SampleLibrary.at(Path.of("sample-projects"));
        assertThat(library.entries()).isNotEmpty();
        for (SampleLibrary.Entry e : library.entries()) {
            assertThat(library.read(e).graph().nodes()).as(e.file()).isNotEmpty();
        }
    }

    @Test
    void anEntryOutsideTheFolderIsRefusedNamingIt() throws IOException {
        Files.createDirectories(dir.resolve("inner"));
        assertThat(SampleLibrary.at(gallery(entry("inner/lesson.dwproj"))).entries()).hasSize(1);
        for (String outside : new String[] {"../elsewhere.dwproj", "inner/../../x.dwproj", "/etc/passwd"}) {
            assertThatThrownBy(() -> SampleLibrary.at(gallery(entry(outside)))).as(outside)
                    .isInstanceOf(IOException.class).hasMessageContaining("samples[0].file").hasMessageContaining("not a file inside");
        }
    }

    @Test
    void anEntryWithoutItsTextsIsRefusedNotACrash() throws IOException {
        // a missing title threw a NullPointerException out of New from Sample
        assertThatThrownBy(() -> SampleLibrary.at(gallery("{\"file\": \"a.dwproj\"}")))
                .isInstanceOf(IOException.class).hasMessage("gallery.json samples[0].title: needs a text");
        assertThatThrownBy(() -> SampleLibrary.at(gallery("7"))).isInstanceOf(IOException.class);
        Files.writeString(dir.resolve("gallery.json"), "{\"samples\": 3, \"data\": []}");
        assertThatThrownBy(() -> SampleLibrary.at(dir)).isInstanceOf(IOException.class).hasMessageContaining("'samples'");
    }

    @Test
    void aHugeIndexIsNotReadWhole() throws IOException {
        Files.write(dir.resolve("gallery.json"), new byte[(int) SampleLibrary.MAX_INDEX_BYTES + 10]);
        assertThatThrownBy(() -> SampleLibrary.at(dir)).isInstanceOf(IOException.class).hasMessageContaining("sample index");
    }
}
