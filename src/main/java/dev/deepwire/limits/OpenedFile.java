package dev.deepwire.limits;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens a file that was checked to be a regular file so that nothing put in its place meanwhile can hang the caller.
 * The open runs on a daemon thread and is waited for at most {@link #OPEN_WAIT_MS}: opening a pipe (FIFO) waits for a
 * writer, forever if none comes; a pipe opened after all (its writer came) is closed the moment it opens. What was
 * opened must then be a seekable file: a pipe, socket or terminal is refused ({@code lseek} fails on them), and a
 * device of endless bytes put there through a link is cut off by the byte limit of {@link BoundedFiles}.
 */
final class OpenedFile {
    /** How long an open may take: a local file opens in microseconds; a pipe never does. */
    static final long OPEN_WAIT_MS = 10_000;
    private static final ExecutorService OPENERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "deepwire-file-open");
        t.setDaemon(true);
        return t;
    });

    private OpenedFile() {
    }

    static InputStream open(Path file, String what, long waitMs) throws IOException {
        CompletableFuture<FileChannel> opening = CompletableFuture.supplyAsync(() -> {
            try {
                return FileChannel.open(file, StandardOpenOption.READ);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, OPENERS);
        FileChannel ch;
        try {
            ch = opening.get(waitMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // still waiting (a pipe with no writer): whatever it opens later is closed, never read
            opening.thenAccept(OpenedFile::closeQuietly);
            throw new LimitException(file + " did not open within " + waitMs / 1000.0 + " s: it was replaced by a pipe "
                    + "or another special file after it was checked; DeepWire reads a " + what + " only from an "
                    + "ordinary file");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw new IOException(String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            opening.thenAccept(OpenedFile::closeQuietly);
            throw new java.io.InterruptedIOException("interrupted while opening " + file);
        }
        try {
            ch.position(0); // lseek: a pipe, socket or terminal answers "Illegal seek"
        } catch (IOException e) {
            closeQuietly(ch);
            throw new LimitException(file + " is not a regular file (it became a pipe, socket or device after it was "
                    + "checked); DeepWire reads a " + what + " only from an ordinary file");
        }
        return Channels.newInputStream(ch);
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // nothing was read from it
        }
    }
}
