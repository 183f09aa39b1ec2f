package dev.deepwire.training;

import dev.deepwire.io.WriteFailure;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A run folder held by one run until closed: an OS lock ({@link FileChannel#tryLock}) on {@value #LOCK_FILE} in it,
 * which the operating system releases when the process ends however it ends, so a crashed run never leaves its
 * folder held. Closing deletes the lock file (while still holding it) and releases the lock.
 *
 * <p>The OS lock keeps out other processes; this process's own runs are kept apart by {@link #HELD} (the folders
 * it holds, by real path). The registry is needed as well: the lock is a POSIX record lock, which the process loses
 * when it closes <em>any</em> channel of the file, so the file is never opened here while this process holds it.
 */
public final class RunFolderLock implements Closeable {
    /** The file in a run folder that the live run holds an OS lock on; hidden, not a run file, gone when the run ends. */
    public static final String LOCK_FILE = dev.deepwire.io.ProjectFolders.RUN_LOCK_FILE;
    /** The folders this process holds (real paths); all taking and letting go happens under its monitor. */
    private static final java.util.Set<Path> HELD = new java.util.HashSet<>();

    private final Path dir;
    private final Path key;
    private final Path file;
    private FileChannel channel;

    private RunFolderLock(Path dir, Path key, Path file, FileChannel channel) {
        this.dir = dir;
        this.key = key;
        this.file = file;
        this.channel = channel;
    }

    /** The folder held. */
    public Path dir() {
        return dir;
    }

    /**
     * Holds {@code dir} (which must exist) for a run.
     *
     * @throws InUse when a live run holds it: another process, or a run of this one
     */
    public static RunFolderLock on(Path dir) throws IOException {
        Path file = dir.resolve(LOCK_FILE);
        synchronized (HELD) {
            Path key;
            try {
                key = dir.toRealPath();
            } catch (IOException e) {
                throw WriteFailure.of(dir, e);
            }
            if (HELD.contains(key)) {
                throw new InUse(dir, "in this process");
            }
            for (int attempt = 0; attempt < 100; attempt++) {
                Object before = fileKey(file); // which file the name is now
                if (before == null) {
                    try {
                        Files.createFile(file);
                    } catch (FileAlreadyExistsException e) {
                        // another run made it first: look again
                    } catch (IOException e) {
                        throw WriteFailure.of(file, e);
                    }
                    continue;
                }
                FileChannel channel;
                try {
                    // never through a link: the lock file is ours, in this folder
                    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    throw WriteFailure.of(file, e);
                }
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    channel.close();
                    throw new InUse(dir, "in this process"); // by another name that HELD did not know
                } catch (IOException e) {
                    channel.close();
                    throw new WriteFailure(file, "cannot lock the run folder: " + WriteFailure.reason(e));
                }
                if (lock == null) {
                    channel.close(); // this process holds no lock on the file: closing loses none
                    throw new InUse(dir, holder(file));
                }
                // A run that held it deletes the file before it lets go: a lock taken on a file no longer in the
                // folder (another run may hold the new one) holds nothing. The name was this file before it was
                // opened and still is now that it is locked: the lock is on the folder's lock file.
                if (before.equals(fileKey(file))) {
                    try {
                        byte[] mark = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8);
                        channel.truncate(0);
                        channel.write(ByteBuffer.wrap(mark), 0); // who holds it, for the message of a refusal
                    } catch (IOException e) {
                        // the lock holds without the mark
                    }
                    HELD.add(key);
                    return new RunFolderLock(dir, key, file, channel);
                }
                channel.close(); // a stale or new file: look again
            }
            throw new InUse(dir, null);
        }
    }

    private static Object fileKey(Path file) throws WriteFailure {
        try {
            return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw WriteFailure.of(file, e);
        }
    }

    /** "process N": the process whose mark a lock file held by another process carries, or null. */
    private static String holder(Path file) {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer b = ByteBuffer.allocate(32);
            while (b.hasRemaining() && in.read(b) > 0) {
                // a mark is a process id and a line end
            }
            String pid = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
            return pid.matches("\\d{1,10}") ? "process " + pid : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether a live run holds {@code dir} now: a run of this process, or another process's OS lock on its lock file. A
     * lock file left by a run that was killed is held by no one (the OS released it as the process ended). Takes no
     * hold: a lock taken to look is let go at once, under the same monitor as {@link #on}, so no run of this process
     * takes the folder meanwhile (closing a channel would lose its lock).
     */
    public static boolean isHeldByLiveRun(Path dir) {
        Path file = dir.resolve(LOCK_FILE);
        synchronized (HELD) {
            try {
                if (fileKey(file) == null) {
                    return false;
                }
                if (HELD.contains(dir.toRealPath())) {
                    return true;
                }
            } catch (IOException e) {
                return false;
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS)) {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    return true;
                }
                lock.release();
                return false;
            } catch (OverlappingFileLockException e) {
                return true;
            } catch (IOException e) {
                return holder(file) != null; // cannot lock to look (a read-only folder): a marked holder is live
            }
        }
    }

    /** Ends the hold: the lock file is deleted while still held, then the lock released. Idempotent. */
    @Override
    public void close() throws IOException {
        synchronized (HELD) {
            if (channel == null) {
                return;
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a lock file left behind is unlocked once the channel closes: the next run takes it over
            } finally {
                try {
                    channel.close();
                } finally {
                    channel = null;
                    HELD.remove(key);
                }
            }
        }
    }

    /** A folder that a live run (in this process or another) is writing now: never taken over, not even to overwrite. */
    public static final class InUse extends IOException {
        private final String what;

        InUse(Path dir, String holder) {
            this(dir + " is being written by a run that is still going" + (holder == null ? "" : " (" + holder + ")"));
        }

        private InUse(String what) {
            super(what + "; choose another folder for this run, or stop that run first");
            this.what = what;
        }

        /** The message without the advice: which folder, and which process holds it when known. */
        public String what() {
            return what;
        }
    }
}
