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

    /**
     * A pipe put in a checked file's place between the check and the open: the open had waited for a writer forever
     * (the window or the command line hung). Now it is refused once the bounded wait is over.
     */
    @Test
    void aPipeSwappedInAfterTheCheckIsRefusedNotWaitedOnForever() throws Exception {
        Path f = Files.writeString(dir.resolve("project.dwproj"), "{}");
        assumeTrue(mkfifo(dir.resolve("probe")), "mkfifo is not available");
        Runnable swap = () -> {
            try {
                Files.delete(f);
                assertThat(mkfifo(f)).isTrue();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () ->
                assertThatThrownBy(() -> BoundedFiles.open(f, 1 << 20, "project file", swap, 300))
                        .isInstanceOf(LimitException.class).hasMessageContaining(f.toString())
                        .hasMessageContaining("replaced by a pipe"));
    }

    /** A pipe that does open (a writer waits on it) is refused as what it is, never read from. */
    @Test
    void aPipeThatOpensIsRefusedAsNotARegularFile() throws Exception {
        Path fifo = dir.resolve("pipe");
        assumeTrue(mkfifo(fifo), "mkfifo is not available");
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write('x');
            } catch (IOException e) {
                // the reader closed the pipe without reading: what the test expects
            }
        });
        writer.setDaemon(true);
        writer.start();
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () ->
                assertThatThrownBy(() -> OpenedFile.open(fifo, "data file", 30_000))
                        .isInstanceOf(LimitException.class).hasMessageContaining("is not a regular file"));
        writer.join(30_000);
        assertThat(writer.isAlive()).isFalse();
    }

    private static boolean mkfifo(Path p) {
        try {
            return new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
