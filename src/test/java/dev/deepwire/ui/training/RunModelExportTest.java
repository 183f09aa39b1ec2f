package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs… ▸ Export model… once a file is chosen (the native dialog itself is not driven here). */
class RunModelExportTest {
    @Test
    void theModelIsCopiedToTheChosenNameWithZipAddedWhenItHasNone(@TempDir Path dir) throws Exception {
        Path model = Files.write(Files.createDirectories(dir.resolve("run-1")).resolve("model.zip"), new byte[] {1, 2, 3, 4});
        Path written = RunsDialog.exportModel(model, dir.resolve("lesson model for monday"));
        assertThat(written).isEqualTo(dir.resolve("lesson model for monday.zip"));
        assertThat(Files.readAllBytes(written)).containsExactly(1, 2, 3, 4);
        assertThat(RunsDialog.exportModel(model, dir.resolve("again.ZIP"))).isEqualTo(dir.resolve("again.ZIP"));
    }

    @Test
    void aLinkChosenIsWrittenThroughAndStaysALink(@TempDir Path dir) throws Exception {
        Path model = Files.write(dir.resolve("model.zip"), new byte[] {7, 7});
        Path target = Files.write(Files.createDirectories(dir.resolve("real")).resolve("kept.zip"), new byte[] {0});
        Path link = Files.createSymbolicLink(dir.resolve("link.zip"), target);
        RunsDialog.exportModel(model, link);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readAllBytes(target)).containsExactly(7, 7);
    }

    @Test
    void aFolderInTheWayIsRefusedAndLeftAsItIs(@TempDir Path dir) throws Exception {
        Path model = Files.write(dir.resolve("model.zip"), new byte[] {7});
        Path folder = Files.createDirectories(dir.resolve("taken.zip"));
        Files.write(folder.resolve("inside.txt"), new byte[] {1});
        assertThatThrownBy(() -> RunsDialog.exportModel(model, folder)).isInstanceOf(IOException.class);
        assertThat(folder.resolve("inside.txt")).exists();
    }
}
