package dev.deepwire.io.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * What a file held when a window last read or wrote it: its length and a digest of its bytes. A window saving over a
 * file compares it with the file as it is now, so a change made meanwhile by another program or another DeepWire
 * window is not silently replaced. Only the bytes count: a file touched, or checked out again with the same content,
 * is the same version.
 */
public final class DiskVersion {
    /** No file there (deleted, or never written). */
    public static final DiskVersion ABSENT = new DiskVersion(-1, new byte[0]);

    private static final int MOST = 64 << 20; // a project file is kilobytes; past this, length alone is compared

    private final long length;
    private final byte[] digest;

    private DiskVersion(long length, byte[] digest) {
        this.length = length;
        this.digest = digest;
    }

    /** The file at {@code path} as it is now (through a link, as a save writes it); null when it cannot be read. */
    public static DiskVersion of(Path path) {
        try {
            if (!Files.exists(path)) {
                return ABSENT;
            }
            if (!Files.isRegularFile(path)) {
                return null;
            }
            long length = Files.size(path);
            if (length > MOST) {
                return new DiskVersion(length, new byte[0]);
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // through the bounded open: a pipe put there after the look above had hung the save waiting for a writer
            try (InputStream in = dev.deepwire.limits.BoundedFiles.open(path, Long.MAX_VALUE, "project file")) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                }
            }
            return new DiskVersion(length, sha.digest());
        } catch (NoSuchFileException e) {
            return ABSENT;
        } catch (IOException | SecurityException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * The version a file holding exactly {@code content} has: what a window just wrote, taken from its own bytes — read
     * back from the disk, a save by another window in between would have been taken for this window's own.
     */
    public static DiskVersion ofContent(byte[] content) {
        if (content.length > MOST) {
            return new DiskVersion(content.length, new byte[0]);
        }
        try {
            return new DiskVersion(content.length, MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * Whether the file at {@code path} now holds another version than {@code known}: false when it is gone (saving
     * writes it back, nothing is lost) or when either cannot be told (unreadable now or then: the save's own checks
     * answer that).
     */
    public static boolean changedSince(DiskVersion known, Path path) {
        if (known == null) {
            return false;
        }
        DiskVersion now = of(path);
        return now != null && !now.absent() && !known.same(now);
    }

    private boolean same(DiskVersion other) {
        return length == other.length && Arrays.equals(digest, other.digest);
    }

    /** This version in words a file can keep (an autosave copy remembers the version its work began from). */
    public String text() {
        return length + ":" + java.util.HexFormat.of().formatHex(digest);
    }

    /** A version from {@link #text}; null for anything else. */
    public static DiskVersion parse(Object text) {
        if (!(text instanceof String s) || s.length() > 200 || s.indexOf(':') < 0) {
            return null;
        }
        try {
            long length = Long.parseLong(s.substring(0, s.indexOf(':')));
            byte[] digest = java.util.HexFormat.of().parseHex(s.substring(s.indexOf(':') + 1));
            return length < -1 || (digest.length != 0 && digest.length != 32) ? null : new DiskVersion(length, digest);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether there was no file. */
    public boolean absent() {
        return length < 0;
    }
}
