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
    /** A model zip as small as ModelZips takes: a configuration and 3 parameters. */
    private static Path model(Path file) throws Exception {
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            z.putNextEntry(new java.util.zip.ZipEntry("configuration.json"));
            z.write("{}".getBytes());
            z.putNextEntry(new java.util.zip.ZipEntry("coefficients.bin"));
            org.nd4j.linalg.factory.Nd4j.write(org.nd4j.linalg.factory.Nd4j.rand(
                    org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, 3), new java.io.DataOutputStream(z));
        }
        return file;
    }

    @Test
    void theModelIsCopiedToTheChosenNameWithZipAddedWhenItHasNone(@TempDir Path dir) throws Exception {
        Path model = model(Files.createDirectories(dir.resolve("run-1")).resolve("model.zip"));
        Path written = RunsDialog.exportModel(model, dir.resolve("lesson model for monday"));
        assertThat(written).isEqualTo(dir.resolve("lesson model for monday.zip"));
        assertThat(Files.readAllBytes(written)).isEqualTo(Files.readAllBytes(model));
        assertThat(RunsDialog.exportModel(model, dir.resolve("again.ZIP"))).isEqualTo(dir.resolve("again.ZIP"));
    }

    @Test
    void aLinkChosenIsWrittenThroughAndStaysALink(@TempDir Path dir) throws Exception {
        Path model = model(dir.resolve("model.zip"));
        Path target = Files.write(Files.createDirectories(dir.resolve("real")).resolve("kept.zip"), new byte[] {0});
        Path link = Files.createSymbolicLink(dir.resolve("link.zip"), target);
        RunsDialog.exportModel(model, link);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readAllBytes(target)).isEqualTo(Files.readAllBytes(model));
    }

    @Test
    void aFolderInTheWayIsRefusedAndLeftAsItIs(@TempDir Path dir) throws Exception {
        Path model = model(dir.resolve("model.zip"));
        Path folder = Files.createDirectories(dir.resolve("taken.zip"));
        Files.write(folder.resolve("inside.txt"), new byte[] {1});
        assertThatThrownBy(() -> RunsDialog.exportModel(model, folder)).isInstanceOf(IOException.class);
        assertThat(folder.resolve("inside.txt")).exists();
    }

    /**
     * A kept run's folder that came from elsewhere (a project sent with its runs): a model.zip that links to a private
     * file had been copied where the user chose, and one that is no model at all (a sparse file of 100 GB) would be
     * copied byte by byte on the window's thread. Both are refused, naming why, and nothing is written.
     */
    @Test
    void aModelThatIsALinkOrNoModelIsNotCopied(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("id_rsa"), "-----BEGIN OPENSSH PRIVATE KEY-----");
        Path linked = Files.createSymbolicLink(Files.createDirectories(dir.resolve("run-1")).resolve("model.zip"), secret);
        assertThatThrownBy(() -> RunsDialog.exportModel(linked, dir.resolve("out1.zip"))).isInstanceOf(IOException.class)
                .hasMessageContaining("model.zip is a symbolic link (to " + secret + ")");
        assertThat(dir.resolve("out1.zip")).doesNotExist();

        Path noModel = dir.resolve("run-2").resolve("model.zip");
        Files.createDirectories(noModel.getParent());
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(noModel.toFile(), "rw")) {
            f.setLength(1 << 20); // as a sparse file of any size: no zip at its end
        }
        assertThatThrownBy(() -> RunsDialog.exportModel(noModel, dir.resolve("out2.zip"))).isInstanceOf(IOException.class)
                .hasMessageContaining("the run's model is not one DeepWire can use");
        assertThat(dir.resolve("out2.zip")).doesNotExist();
    }
}
