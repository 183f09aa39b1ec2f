package dev.deepwire.io.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user's remembered data agreements, read from a settings file someone else may have put there. */
class DataConsentsTest {
    @TempDir
    Path dir;

    @Test
    void aConsentFileLargerThanAnyDeepWireWritesIsNotReadAndSaysWhy() throws Exception {
        // A huge file there was read whole (Files.readAllLines): 1 GB filled the window's memory at start-up.
        Path project = Files.writeString(dir.resolve("p.dwproj"), "{}");
        Path data = Files.writeString(dir.resolve("d.csv"), "a\n");
        Path file = Files.createDirectories(dir.resolve("home/.deepwire")).resolve("data-consent.tsv");
        Files.writeString(file, project.toAbsolutePath().normalize() + "\t" + data.toAbsolutePath().normalize() + "\n");
        DataConsents consents = new DataConsents(file);
        assertThat(consents.agreed(project, data)).as("an ordinary file is read").isTrue();
        assertThat(consents.problem()).isNull();

        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(DataConsents.MAX_BYTES + 1); // the agreement stays first; the rest is padding
        }
        assertThat(consents.agreed(project, data)).as("past the limit: nothing is read, each agreement asked again")
                .isFalse();
        assertThat(consents.problem()).contains(file.toString()).contains("limit");

        Files.writeString(file, project.toAbsolutePath().normalize() + "\t" + data.toAbsolutePath().normalize() + "\n",
                StandardCharsets.UTF_8);
        assertThat(consents.agreed(project, data)).as("a readable file again: read again").isTrue();
        assertThat(consents.problem()).isNull();
    }

    @Test
    void aPipeOrDeviceThereIsNeitherWaitedOnNorRead() throws Exception {
        Path project = Files.writeString(dir.resolve("p.dwproj"), "{}");
        Path file = Files.createDirectories(dir.resolve("home/.deepwire")).resolve("data-consent.tsv");
        Files.createSymbolicLink(file, Path.of("/dev/zero"));
        DataConsents consents = new DataConsents(file);
        assertThat(consents.agreed(project, project)).isFalse();
        assertThat(consents.problem()).contains("not a regular file");
        consents.remember(project, project); // refused by the writer: the device is left as it is
        assertThat(Files.isSymbolicLink(file)).isTrue();
    }
}
