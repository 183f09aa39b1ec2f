package dev.deepwire.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A file that could not be written, with a message fit for the user: "cannot write FILE: REASON", where the
 * reason is the real one (permission denied, read-only file system, no space left on device, is a folder) and
 * never names the hidden temporary file the bytes went to first.
 */
public final class WriteFailure extends IOException {
    private final transient Path target;
    private final String reason;

    public WriteFailure(Path target, String reason) {
        super("cannot write " + target + ": " + reason);
        this.target = target;
        this.reason = reason;
    }

    public WriteFailure(Path target, IOException cause) {
        super("cannot write " + target + ": " + reason(cause), cause);
        this.target = target;
        this.reason = reason(cause);
    }

    /** Why the file could not be written, without the file's name. */
    public String reason() {
        return reason;
    }

    /** The file that was to be written. */
    public Path target() {
        return target;
    }

    /** The failure of writing {@code target}: itself when it already is a {@link WriteFailure}. */
    public static WriteFailure of(Path target, IOException e) {
        return e instanceof WriteFailure w ? w : new WriteFailure(target, e);
    }

    /**
     * The refusal of {@code file}, found where a regular file of ours was to be written and not one — "it is a symbolic
     * link", "it is a folder" or "it is not a regular file (a pipe, socket or device)" — followed by {@code then}
     * (what is never done with it, and the fix). The one wording for a run folder's files, a walk-through's and a
     * sweep's lock file.
     */
    public static WriteFailure notRegular(Path file, String then) {
        String what = java.nio.file.Files.isSymbolicLink(file) ? "it is a symbolic link"
                : java.nio.file.Files.isDirectory(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? "it is a folder"
                : "it is not a regular file (a pipe, socket or device)";
        return new WriteFailure(file, what + then);
    }

    /** Why an I/O operation failed, in words (lower case, no file names of ours). */
    public static String reason(IOException e) {
        if (e instanceof WriteFailure w) {
            return w.reason();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "a folder on the way does not exist";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is a file, not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "it is a folder that is not empty";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return danglingLink(f.getFile()).orElse("a file of that name is in the way");
        }
        if (e instanceof FileSystemException f && f.getReason() == null) {
            return "the file system refused (" + e.getClass().getSimpleName() + ")"; // its message is only the path
        }
        String text = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        if (text == null || text.isBlank()) {
            return e.getClass().getSimpleName();
        }
        // Our temporary files (".name.<uuid>.tmp") mean nothing to the user.
        text = text.replaceAll("[^\\s:]*\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.tmp", "")
                .replaceAll("^[\\s:]+", "").strip();
        if (text.equalsIgnoreCase("Is a directory")) {
            return "it is a folder";
        }
        return text.isEmpty() ? e.getClass().getSimpleName()
                : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }

    /** "it is a link to X, which does not exist" when {@code file} is a link whose target is missing. */
    private static Optional<String> danglingLink(String file) {
        try {
            Path p = file == null ? null : Path.of(file);
            if (p != null && Files.isSymbolicLink(p) && !Files.exists(p)) {
                return Optional.of("it is a link to " + Files.readSymbolicLink(p)
                        + ", which does not exist");
            }
        } catch (IOException | RuntimeException ignored) {
            // no better words than the general ones
        }
        return Optional.empty();
    }
}
