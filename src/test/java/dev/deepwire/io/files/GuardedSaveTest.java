package dev.deepwire.io.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepwire.io.WriteFailure;
import dev.deepwire.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two saves of the same file from the same version: exactly one wins, the other is refused with ChangedOnDisk and
 * writes nothing — they had both found the file unchanged and both replaced it, the first one's work silently lost.
 */
class GuardedSaveTest {
    @TempDir
    Path dir;
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void twoWindowsSavingTheSameVersionAtOnceOneWinsTheOtherIsToldAndWritesNothing() throws Exception {
        Path f = Files.writeString(dir.resolve("p.dwproj"), "read by both");
        DiskVersion read = DiskVersion.of(f);
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch secondWaiting = new CountDownLatch(1);
        CountDownLatch letFirstFinish = new CountDownLatch(1);
        Future<?> first = pool.submit(() -> {
            GuardedSave.write(f, read, (OutputStream out) -> {
                firstInside.countDown();
                try {
                    letFirstFinish.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
                out.write(utf8("first window's work"));
            }, GuardedSave.WAIT_MS, () -> { });
            return null;
        });
        assertThat(firstInside.await(30, TimeUnit.SECONDS)).isTrue();
        Future<?> second = pool.submit(() -> {
            GuardedSave.write(f, read, out -> out.write(utf8("second window's work")), GuardedSave.WAIT_MS,
                    secondWaiting::countDown);
            return null;
        });
        assertThat(secondWaiting.await(30, TimeUnit.SECONDS)).as("the second save waits for the first").isTrue();
        letFirstFinish.countDown();
        first.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(ChangedOnDisk.class)
                .cause().hasMessageContaining("p.dwproj was saved by another DeepWire window or program")
                .hasMessageContaining("nothing was written");
        assertThat(Files.readString(f)).isEqualTo("first window's work");
        assertThat(Files.list(dir)).as("no lock file left").containsExactly(f);
    }

    @Test
    void aSaveFromTheVersionOnDiskIsWrittenAndOneFromAnOlderIsRefused() throws Exception {
        Path f = Files.writeString(dir.resolve("p.dwproj"), "v1");
        DiskVersion v1 = DiskVersion.of(f);
        GuardedSave.write(f, v1, utf8("v2"));
        assertThat(Files.readString(f)).isEqualTo("v2");
        assertThatThrownBy(() -> GuardedSave.write(f, v1, utf8("v2 from an old copy"))).isInstanceOf(ChangedOnDisk.class);
        assertThat(Files.readString(f)).isEqualTo("v2");
        GuardedSave.write(dir.resolve("new.dwproj"), DiskVersion.ABSENT, utf8("new"));
        assertThat(Files.readString(dir.resolve("new.dwproj"))).isEqualTo("new");
    }

    /**
     * Another process holds the save: this one waits at most its limit and is refused in words, never hung; once the
     * other has written, this one's save from the old version is refused, the other's content kept.
     */
    @Test
    void aSaveInAnotherProcessIsWaitedForAtMostTheLimitAndThenWins() throws Exception {
        Path f = Files.writeString(dir.resolve("p.dwproj"), "read by both");
        DiskVersion read = DiskVersion.of(f);
        Process other = new ProcessBuilder(ChildJvm.command(SaveHolder.class, f.toString(), "the other process's work"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader said = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
             OutputStream tell = other.getOutputStream()) {
            assertThat(said.readLine()).isEqualTo("holding");
            CountDownLatch waited = new CountDownLatch(1);
            assertThatThrownBy(() -> GuardedSave.write(f, read, out -> out.write(utf8("this process's work")), 200,
                    waited::countDown)).isInstanceOf(WriteFailure.class)
                    .hasMessageContaining("another DeepWire window or program is saving it right now");
            assertThat(waited.getCount()).as("it found the other's lock").isZero();
            assertThat(Files.readString(f)).isEqualTo("read by both");
            tell.write('\n');
            tell.flush();
            assertThat(said.readLine()).isEqualTo("saved");
        }
        assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> GuardedSave.write(f, read, utf8("this process's work"))).isInstanceOf(ChangedOnDisk.class);
        assertThat(Files.readString(f)).isEqualTo("the other process's work");
    }
}
