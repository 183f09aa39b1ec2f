package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training dock's Export CSV… offers the project's folder (it opened where DeepWire was started from). */
class DockExportFolderTest {
    @TempDir
    Path dir;

    @Test
    void theCurvesAreOfferedAPlaceBesideTheSavedProject() throws Exception {
        Path lesson = Files.createDirectories(dir.resolve("lesson plans")).resolve("self attention lesson.dwproj");
        Files.writeString(lesson, "{}");
        assertThat(DockControls.csvChooser(lesson).getInitialDirectory()).isEqualTo(lesson.getParent().toFile());
        assertThat(DockControls.csvChooser(lesson).getInitialFileName()).isEqualTo("metrics.csv");
        assertThat(DockControls.csvChooser(null).getInitialDirectory()).isNull();
    }
}
