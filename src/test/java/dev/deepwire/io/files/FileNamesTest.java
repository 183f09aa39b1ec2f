package dev.deepwire.io.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileNamesTest {
    @Test
    void appendsTheExtensionOnlyWhenMissing() {
        assertThat(FileNames.withExtension(Path.of("/tmp/x/lesson"), "dwproj")).isEqualTo(Path.of("/tmp/x/lesson.dwproj"));
        assertThat(FileNames.withExtension(Path.of("/tmp/x/lesson.dwproj"), "dwproj")).isEqualTo(Path.of("/tmp/x/lesson.dwproj"));
        assertThat(FileNames.withExtension(Path.of("/tmp/x/Lesson.DWPROJ"), "dwproj")).isEqualTo(Path.of("/tmp/x/Lesson.DWPROJ"));
        assertThat(FileNames.withExtension(Path.of("/tmp/x/lesson.dwproj.dwproj"), "dwproj"))
                .isEqualTo(Path.of("/tmp/x/lesson.dwproj"));
        assertThat(FileNames.withExtension(Path.of("graph.svg"), "png")).isEqualTo(Path.of("graph.svg.png"));
        assertThat(FileNames.stem(Path.of("/tmp/x/lesson.DWPROJ"), "dwproj")).isEqualTo("lesson");
    }
}
