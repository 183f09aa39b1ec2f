package dev.deepwire.limits;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
            return f.getReason().toLowerCase(Locale.ROOT);
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "an input/output error" : m;
    }

    /**
     * A library's message in plain words: "No enum constant org.nd4j…Activation.FOO" becomes "'FOO' is not a known
     * Activation; use one of …" (the valid choices); other messages are returned as they are.
     */
    public static String plain(String message) {
        if (message == null) {
            return "no details";
        }
        Matcher m = Pattern.compile("No enum constant ([\\w.$]+)\\.([^.\\s]*)$").matcher(message.strip());
        if (!m.find()) {
            return message;
        }
        String type = m.group(1);
        String simple = type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
        Class<?> enumType = load(type);
        Object[] constants = enumType == null ? null : enumType.getEnumConstants();
        String choices = constants == null ? ""
                : "; use one of " + String.join(", ", Arrays.stream(constants).map(Object::toString).toList());
        return "'" + m.group(2) + "' is not a known " + simple + choices;
    }

    /** The class of a canonical name (nested classes written with dots), or null. */
    private static Class<?> load(String canonical) {
        String name = canonical;
        while (true) {
            try {
                return Class.forName(name, false, FileProblems.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                int dot = name.lastIndexOf('.');
                if (dot < 0) {
                    return null;
                }
                name = name.substring(0, dot) + "$" + name.substring(dot + 1);
            }
        }
    }
}
