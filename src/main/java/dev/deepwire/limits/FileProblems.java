package dev.deepwire.limits;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.zip.ZipException;

/** Says in plain words why a file could not be read, without the Java exception's class name. */
public final class FileProblems {
    private FileProblems() {
    }

    /** The reason, e.g. "permission denied", "the file ends early", "not UTF-8 text". */
    public static String describe(IOException e) {
        if (e instanceof LimitException) {
            return e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied; give yourself read access to it";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file; check the path";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is a file, not a folder";
        }
        if (e instanceof EOFException) {
            return "the file ends early (it is truncated)";
        }
        if (e instanceof CharacterCodingException) {
            return "the file is not UTF-8 text";
        }
        if (e instanceof ZipException) {
            return "the compressed data is damaged (" + e.getMessage() + ")";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "an input/output error" : m;
    }
}
