package dev.deepwire.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The one way DeepWire writes a file whole: the bytes go to a temporary file beside the target, are flushed to
 * disk, then moved over the target in one step, so a crash at any moment leaves either the old or the new content.
 * A symbolic link is written through (the file it points to is replaced, the link stays; a link to nothing makes its
 * file but never the folders on the way to it); a folder, a pipe, a
 * socket, a device outside {@code /dev} and a read-only file are refused, not replaced; a path under {@code /dev}
 * (such as {@code /dev/null}) is written as a stream. Failures are {@link WriteFailure}s that give the real reason.
 */
public final class AtomicFiles {
    private static final int MAX_LINKS = 40;
    /** Where this process's open descriptors are named by number. */
    private static final List<Path> DESCRIPTORS = List.of(Path.of("/dev/fd"), Path.of("/proc/self/fd"),
            Path.of("/proc/thread-self/fd"));
    private static final List<Path> STANDARD_STREAMS = Stream.concat(
            Stream.of(Path.of("/dev/stdout"), Path.of("/dev/stderr")), DESCRIPTORS.stream()).toList();

    /** What goes into a file: written to the stream handed in (not closed by it). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    public static void write(Path target, Content content) throws IOException {
        Path real = destination(target);
        if (isDevice(target)) {
            // A standard stream redirected to a file: appended to, as the shell's own writes are.
            StandardOpenOption mode = Files.isRegularFile(real) ? StandardOpenOption.APPEND : StandardOpenOption.WRITE;
            try (OutputStream out = Files.newOutputStream(real, StandardOpenOption.WRITE, mode)) {
                content.writeTo(out);
            } catch (IOException e) {
                throw WriteFailure.of(target, e);
            }
            return;
        }
        Path dir = real.getParent();
        if (!real.equals(target.toAbsolutePath()) && !Files.isDirectory(dir)) {
            // a link to nothing: its file is written, but no folder is made on its say (it made /nonexistent/dir)
            throw new WriteFailure(target, "it is a symbolic link to " + real + ", and the folder " + dir
                    + " it leads into does not exist; create it first or write elsewhere");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new WriteFailure(target, "cannot create the folder " + dir + ": " + WriteFailure.reason(e));
        }
        // Not Files.createTempFile: it makes the file private (0600); a project keeps its usual permissions.
        Path tmpName = Path.of("." + real.getFileName() + "." + UUID.randomUUID() + ".tmp");
        DirectoryStream<Path> opened = openFolder(dir);
        if (opened instanceof SecureDirectoryStream<Path> folder) {
            try (opened) {
                writeIn(folder, dir, real, tmpName, target, content);
            }
            return;
        }
        closeQuietly(opened); // no folder-relative calls here (or a folder we may write but not list): by its path
        Path tmp = dir.resolve(tmpName);
        Object folderKey = folderKey(dir);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                OutputStream out = unclosable(Channels.newOutputStream(ch));
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            copyPermissions(real, tmp);
            if (folderKey != null && !folderKey.equals(folderKey(dir))) {
                // a folder on the way was swapped (for a link) while the content was written: the move by path
                // would follow it, out of the folder the file was checked in
                throw new WriteFailure(target, "the folder " + dir + " was replaced while the file was written; "
                        + "nothing was written");
            }
            requireStillAFile(Files.getFileAttributeView(real, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS),
                    real, target);
            try {
                Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
            }
            syncFolder(dir);
        } catch (IOException e) {
            throw WriteFailure.of(target, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // The write's own failure (if any) is the one to report.
            }
        }
    }

    /**
     * Refuses the move when the target's entry has become something else than a file while the content was written
     * (a pipe, a folder, a link put in its place): {@link #destination} refuses those, and the move had replaced a
     * pipe or a link put there meanwhile (a folder, it failed on with "Is a directory"). Gone is fine: the file is new.
     * What remains is the instant between this look and the rename, which Java cannot close (docs/decisions/0015).
     */
    private static void requireStillAFile(BasicFileAttributeView entry, Path real, Path target) throws WriteFailure {
        java.nio.file.attribute.BasicFileAttributes now;
        try {
            now = entry.readAttributes();
        } catch (java.nio.file.NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw WriteFailure.of(target, e);
        }
        if (!now.isRegularFile()) {
            throw new WriteFailure(target, real + " became " + (now.isSymbolicLink() ? "a symbolic link"
                    : now.isDirectory() ? "a folder" : "a pipe, socket or device") + " while the file was written; "
                    + "it was left as it is and nothing was written");
        }
    }

    /** Which folder {@code dir} names now (its file key, through links), or null when it cannot be told. */
    private static Object folderKey(Path dir) {
        try {
            return Files.readAttributes(dir, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private static DirectoryStream<Path> openFolder(Path dir) {
        try {
            return Files.newDirectoryStream(dir);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static void closeQuietly(DirectoryStream<Path> opened) {
        try {
            if (opened != null) {
                opened.close();
            }
        } catch (IOException e) {
            // only read: nothing to lose
        }
    }

    /**
     * The temporary file made, written, synced and moved over the target all in the one folder opened once
     * ({@code openat}, {@code renameat}): the folder's path is looked up a single time, so a folder on the way swapped
     * for a link while the content is written (by someone who can write there) cannot send the file elsewhere — the
     * path-based move had followed the new link. What remains: the target's own entry may change between the checks of
     * {@link #destination} and the move (become a link, a pipe); the move replaces that entry, never writing through it,
     * so nothing outside the folder is touched.
     */
    private static void writeIn(SecureDirectoryStream<Path> folder, Path dir, Path real, Path tmp, Path target,
                                Content content) throws IOException {
        Path name = real.getFileName();
        try {
            try (SeekableByteChannel ch = folder.newByteChannel(tmp, Set.of(StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE_NEW, LinkOption.NOFOLLOW_LINKS))) {
                OutputStream out = unclosable(Channels.newOutputStream(ch));
                content.writeTo(out);
                out.flush();
                if (ch instanceof FileChannel fc) {
                    fc.force(true);
                }
            }
            try {
                var from = folder.getFileAttributeView(name, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                var to = folder.getFileAttributeView(tmp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                if (from != null && to != null) {
                    to.setPermissions(from.readAttributes().permissions());
                }
            } catch (IOException | UnsupportedOperationException e) {
                // a new file (nothing to copy), or not ours to change: the default permissions
            }
            requireStillAFile(folder.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS),
                    real, target);
            folder.move(tmp, folder, name);
            syncFolder(dir);
        } catch (IOException e) {
            throw WriteFailure.of(target, e);
        } finally {
            try {
                folder.deleteFile(tmp);
            } catch (IOException e) {
                // moved (the usual case), or the write's own failure is the one to report
            }
        }
    }

    /**
     * A stream rather than a file: a device, pipe or socket under {@code /dev} or {@code /proc} (the terminal,
     * {@code /dev/null}), or this process's own standard streams ({@code /dev/stdout}, {@code /dev/fd/N},
     * {@code /proc/self/fd/N}) whatever they lead to. Written as it is, never replaced by a file.
     */
    public static boolean isDevice(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        if (!(abs.startsWith("/dev") || abs.startsWith("/proc")) || abs.getNameCount() < 2) {
            return false;
        }
        return STANDARD_STREAMS.stream().anyMatch(abs::startsWith)
                || Files.exists(abs) && !Files.isRegularFile(abs) && !Files.isDirectory(abs);
    }

    /**
     * A descriptor path ({@code /dev/fd/N}, {@code /proc/self/fd/N}) other than the output and error streams that leads
     * to a regular file: one this process opened itself (its own jars, its modules), never an output.
     */
    private static boolean ownFile(Path abs) {
        Path p = abs.normalize();
        for (Path fds : DESCRIPTORS) {
            if (p.startsWith(fds) && p.getNameCount() == fds.getNameCount() + 1) {
                String fd = p.getFileName().toString();
                return !fd.equals("1") && !fd.equals("2") && Files.isRegularFile(p);
            }
        }
        return false;
    }

    /**
     * The file a write to {@code target} replaces: the target itself or, for a symbolic link, the file it points to
     * (followed however many links deep). Refuses what must not be replaced.
     */
    public static Path destination(Path target) throws WriteFailure {
        Path p = target.toAbsolutePath();
        if (p.getFileName() == null) {
            throw new WriteFailure(target, "it is a folder; give a file name");
        }
        if (isDevice(target)) {
            if (!Files.exists(p)) {
                throw new WriteFailure(target, "no such device");
            }
            if (ownFile(p)) {
                throw new WriteFailure(target, "it is a file this program has open, not its output or error stream; "
                        + "name the file itself, or /dev/stdout");
            }
            return p;
        }
        try {
            for (int links = 0; Files.isSymbolicLink(p); links++) {
                if (links == MAX_LINKS) {
                    throw new WriteFailure(target, "too many symbolic links (a loop?)");
                }
                p = p.getParent().resolve(Files.readSymbolicLink(p));
            }
        } catch (IOException e) {
            throw WriteFailure.of(target, e);
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new WriteFailure(target, "it is a folder");
        }
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new WriteFailure(target, "it is not a regular file (a pipe, socket or device); "
                        + "it was left as it is");
            }
            if (onReadOnlyStore(p)) {
                throw new WriteFailure(target, "read-only file system");
            }
            if (p.toAbsolutePath().normalize().startsWith("/proc") || p.toAbsolutePath().normalize().startsWith("/sys")) {
                throw new WriteFailure(target, "it is one of the running system's own files (/proc, /sys), not one "
                        + "to write output to; write elsewhere");
            }
            if (readOnly(p)) {
                throw new WriteFailure(target, whyNotWritable(p));
            }
        }
        return p;
    }

    private static boolean onReadOnlyStore(Path p) {
        try {
            return Files.getFileStore(p).isReadOnly();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Why a file that {@link #readOnly} refuses cannot be written, as the system says it: a file system mounted
     * read-only (a bind mount that {@link java.nio.file.FileStore#isReadOnly} does not see) had been told to "make it
     * writable", which no change of its permissions does. Opening it for writing without truncating changes nothing.
     */
    private static String whyNotWritable(Path p) {
        try (FileChannel ignored = FileChannel.open(p, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            return "the file is read-only; make it writable or write elsewhere";
        } catch (java.nio.file.AccessDeniedException e) {
            return "the file is read-only; make it writable or write elsewhere";
        } catch (IOException e) {
            return "it cannot be written: " + WriteFailure.reason(e) + "; write elsewhere";
        }
    }

    /** Read-only: not writable for us, or with no write permission for anyone (which root would otherwise ignore). */
    private static boolean readOnly(Path p) {
        if (!Files.isWritable(p)) {
            return true;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            return !perms.contains(PosixFilePermission.OWNER_WRITE) && !perms.contains(PosixFilePermission.GROUP_WRITE)
                    && !perms.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The stream handed to content: closing it (as some writers do) only flushes, so the bytes can still be synced. */
    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every system can sync a folder; the file's own bytes are already on disk.
        }
    }

    private static void copyPermissions(Path from, Path to) {
        try {
            if (Files.exists(from)) {
                Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not a POSIX file system, or not ours to change: keep the default permissions.
        }
    }
}
