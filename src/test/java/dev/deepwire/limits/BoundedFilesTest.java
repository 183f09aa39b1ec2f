package dev.deepwire.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Devices, pipes, folders, bombs and endless lines are refused with the limit, never read until memory runs out. */
class BoundedFilesTest {
    @TempDir
    Path dir;

    @Test
    void devicesAreRefusedBeforeOpening() {
        for (String device : List.of("/dev/zero", "/dev/urandom")) {
            assumeTrue(Files.exists(Path.of(device)));
            assertThatThrownBy(() -> BoundedFiles.open(Path.of(device), 1 << 20, "data file"))
                    .isInstanceOf(LimitException.class).hasMessageContaining(device).hasMessageContaining("not a regular file");
        }
    }

    @Test
    void aPipeIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("pipe");
        int rc;
        try {
            rc = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        } catch (IOException e) {
            rc = -1;
        }
        assumeTrue(rc == 0, "mkfifo is not available");
        assertThatThrownBy(() -> BoundedFiles.open(fifo, 1 << 20, "project file"))
                .isInstanceOf(LimitException.class).hasMessageContaining("not a regular file");
    }

    @Test
    void aFolderIsRefused() {
        assertThatThrownBy(() -> BoundedFiles.open(dir, 1 << 20, "data file"))
                .isInstanceOf(LimitException.class).hasMessageContaining("is a folder");
    }

    @Test
    void aFileOverTheLimitNamesTheLimit() throws Exception {
        Path f = Files.write(dir.resolve("big.txt"), new byte[3000]);
        assertThatThrownBy(() -> BoundedFiles.open(f, 2048, "data file"))
                .isInstanceOf(LimitException.class).hasMessageContaining("big.txt").hasMessageContaining("2 KB");
    }

    @Test
    void aGzipBombStopsAtTheDecompressedLimit() throws Exception {
        Path f = dir.resolve("bomb.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 8; i++) {
                out.write(zeros); // 8 MB of zeros compress to a few KB
            }
        }
        assertThat(Files.size(f)).isLessThan(1 << 20);
        assertThatThrownBy(() -> {
            try (InputStream in = BoundedFiles.openMaybeGzip(f, 1 << 20, "data file")) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }).isInstanceOf(LimitException.class).hasMessageContaining("once decompressed").hasMessageContaining("1 MB");
    }

    @Test
    void anOverlongLineIsRefusedWithItsNumber() {
        String text = "short\n" + "x".repeat(5000) + "\n";
        assertThatThrownBy(() -> readAll(text, 1000)).isInstanceOf(LimitException.class)
                .hasMessageContaining("line 2 is longer than 1000 characters");
    }

    @Test
    void linesSplitOnAnyEndingAndTheByteOrderMarkIsDropped() throws Exception {
        assertThat(readAll("\uFEFFa,b\r\nc\rd\n\ne", 100)).containsExactly("a,b", "c", "d", "", "e");
    }

    @Test
    void utf8TextDropsTheByteOrderMarkAndRefusesBadBytes() throws Exception {
        assertThat(BoundedFiles.utf8("\uFEFF{}".getBytes(StandardCharsets.UTF_8))).isEqualTo("{}");
        assertThatThrownBy(() -> BoundedFiles.utf8(new byte[] {(byte) 0xff, (byte) 0xfe}))
                .isInstanceOf(CharacterCodingException.class);
    }

    @Test
    void readingProblemsAreSaidInPlainWords() {
        assertThat(FileProblems.describe(new AccessDeniedException("/x"))).contains("permission denied");
        assertThat(FileProblems.describe(new EOFException())).contains("the file ends early");
    }

    @Test
    void enumJargonBecomesTheValidChoices() {
        assertThat(FileProblems.plain("No enum constant java.util.concurrent.TimeUnit.FORTNIGHTS"))
                .isEqualTo("'FORTNIGHTS' is not a known TimeUnit; use one of NANOSECONDS, MICROSECONDS, MILLISECONDS, "
                        + "SECONDS, MINUTES, HOURS, DAYS");
        assertThat(FileProblems.plain("No enum constant java.lang.Thread.State.NAPPING")).startsWith("'NAPPING' is not a known State; use one of NEW,");
        assertThat(FileProblems.plain("something else")).isEqualTo("something else");
    }

    @Test
    void aTruncatedGzipFileEndsEarly() throws Exception {
        Path f = dir.resolve("cut.csv.gz");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write("1,2,3\n".repeat(10_000).getBytes(StandardCharsets.UTF_8));
        }
        Files.write(f, Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2));
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> {
            try (InputStream in = BoundedFiles.openMaybeGzip(f, 1 << 20, "data file")) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        });
        assertThat(FileProblems.describe(e)).isEqualTo("the file ends early (it is truncated)");
    }

    private static List<String> readAll(String text, int max) throws Exception {
        List<String> lines = new ArrayList<>();
        try (LineReader r = BoundedFiles.lines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                Path.of("t.txt"), max)) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                lines.add(l);
            }
        }
        return lines;
    }
}
