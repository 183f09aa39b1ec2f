package dev.deepwire.ui.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A heatmap exported for a lesson's slides is offered a place beside the lesson: the inspector's Export PNG/CSV
 * dialog opened in the folder DeepWire was started from.
 */
class InspectorExportFolderTest {
    @TempDir
    Path dir;

    @Test
    void theExportDialogOpensBesideTheSavedProject() throws Exception {
        Path lesson = Files.createDirectories(dir.resolve("lesson plans")).resolve("self attention lesson.dwproj");
        Files.writeString(lesson, "{}");
        FileChooser png = InspectorControls.exportChooser("attn", true, lesson);
        assertThat(png.getInitialDirectory()).isEqualTo(lesson.getParent().toFile());
        assertThat(png.getInitialFileName()).isEqualTo("attn-attention.png");
        assertThat(InspectorControls.exportChooser("attn", false, lesson).getInitialFileName()).endsWith(".csv");
        File none = InspectorControls.exportChooser("attn", true, null).getInitialDirectory();
        assertThat(none).as("an unsaved project has no folder: the system's choice").isNull();
        assertThat(InspectorControls.exportChooser("attn", true, dir.resolve("gone/x.dwproj")).getInitialDirectory())
                .as("a folder since removed is not offered").isNull();
    }
}
