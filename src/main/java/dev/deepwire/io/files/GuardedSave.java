package dev.deepwire.io.files;

import dev.deepwire.io.AtomicFiles;
import dev.deepwire.io.WriteFailure;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Saves a file only if it still holds the version the saver read, with the look and the replace as one step: two
 * windows (or two processes) saving the same project at the same instant had both found it unchanged and both
 * replaced it, the first one's work silently lost. Now the second waits for the first, finds the file changed, and
 * is refused with {@link ChangedOnDisk}, its work still in hand (docs/decisions/0015, "Saving the same file twice").
 *
 * <p>The step is held by an OS lock ({@link FileChannel#tryLock}) on a hidden lock file beside the target,
 * {@code .NAME.lock}, deleted (while still held) when the save is done, so none is left behind; the operating system
 * releases the lock of a process that dies. Within this process, a lock per file keeps threads apart (an OS lock is
 * held by the process, not the thread). A save that cannot take the lock within {@link #WAIT_MS} is refused, never
 * left to hang the window.
 */
public final class GuardedSave {
    /** How long a save waits for another save of the same file: a project's takes milliseconds. */
    public static final long WAIT_MS = 10_000;
    private static final long POLL_MS = 20;
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private GuardedSave() {
    }

    /** Writes {@code content} over {@code target} (atomically) unless it changed since {@code expected}. */
    public static void write(Path target, DiskVersion expected, byte[] content) throws IOException {
        write(target, expected, out -> out.write(content), WAIT_MS, () -> { });
    }

    /**
     * {@link #write(Path, DiskVersion, byte[])} with the content written by {@code content} (under the lock), at most
     * {@code waitMs} of waiting, and {@code waiting} told when another save holds the file (tests).
     *
     * @throws ChangedOnDisk when the file is no longer {@code expected} (null: any version is replaced)
     */
    static void write(Path target, DiskVersion expected, AtomicFiles.Content content, long waitMs, Runnable waiting)
            throws IOException {
        if (AtomicFiles.isDevice(target)) {
            AtomicFiles.write(target, content); // a stream (/dev/stdout): no version, nothing to lock
            return;
        }
        Path real = AtomicFiles.destination(target).toAbsolutePath().normalize();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        ReentrantLock mine = IN_PROCESS.computeIfAbsent(real, k -> new ReentrantLock(true));
        try {
            if (!mine.tryLock()) {
                waiting.run();
                if (!mine.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw busy(target);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WriteFailure(target, "interrupted while waiting for another save of it; nothing was written");
        }
        try (Held held = Held.take(real.resolveSibling("." + real.getFileName() + ".lock"), target, deadline, waiting)) {
            if (DiskVersion.changedSince(expected, target)) {
                throw new ChangedOnDisk(target);
            }
            AtomicFiles.write(target, content);
        } finally {
            mine.unlock();
        }
    }

    private static WriteFailure busy(Path target) {
        return new WriteFailure(target, "another DeepWire window or program is saving it right now and has not "
                + "finished within " + WAIT_MS / 1000 + " s; nothing was written: save again in a moment");
    }

    /** The OS lock on a save's lock file; closing deletes the file (while holding it) and lets go. */
    private static final class Held implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;

        private Held(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
        }

        /**
         * Takes the lock on {@code file}, made if missing. A lock taken on a lock file that another save deleted
         * meanwhile (its name now another file, or none) holds nothing: then it looks again.
         */
        static Held take(Path file, Path target, long deadline, Runnable waiting) throws IOException {
            boolean told = false;
            while (true) {
                if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        Files.createFile(file);
                    } catch (FileAlreadyExistsException e) {
                        // another save made it first: look again
                    } catch (IOException e) {
                        throw new WriteFailure(target, "cannot make its lock file " + file.getFileName() + ": "
                                + WriteFailure.reason(e));
                    }
                    continue;
                }
                Object before = fileKey(file); // which file the name is now (null: the system cannot tell)
                FileChannel channel;
                try {
                    // never through a link; read and write, so a pipe put there opens at once rather than waiting
                    channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                            LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue; // deleted by the save that held it: look again
                } catch (IOException e) {
                    throw new WriteFailure(target, "cannot open its lock file " + file.getFileName() + ": "
                            + WriteFailure.reason(e));
                }
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException | IOException e) {
                    channel.close();
                    throw new WriteFailure(target, "cannot lock its lock file " + file.getFileName() + ": "
                            + (e instanceof IOException io ? WriteFailure.reason(io) : "held in this process"));
                }
                if (lock != null && java.util.Objects.equals(before, fileKey(file))) {
                    return new Held(file, channel);
                }
                channel.close(); // not held, or held on a lock file no longer there
                if (lock == null) {
                    if (!told) {
                        waiting.run();
                        told = true;
                    }
                    if (System.nanoTime() > deadline) {
                        throw busy(target);
                    }
                    try {
                        Thread.sleep(POLL_MS); // an OS lock cannot be waited for with a limit: look again shortly
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new WriteFailure(target, "interrupted while waiting for another save of it; nothing "
                                + "was written");
                    }
                }
            }
        }

        private static Object fileKey(Path file) throws IOException {
            try {
                return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            } catch (NoSuchFileException e) {
                return null;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                Files.deleteIfExists(file); // still held: a save waiting on it finds it gone and looks again
            } catch (IOException e) {
                // left behind: harmless, the next save takes it
            } finally {
                channel.close();
            }
        }
    }
}
