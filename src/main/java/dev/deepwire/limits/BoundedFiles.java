package dev.deepwire.limits;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.GZIPInputStream;

/**
 * Opens user files with limits: only regular files (not a folder, FIFO or device such as {@code /dev/zero}),
 * at most so many bytes as stored and, for gzip, once decompressed; lines at most {@link Limits#LINE_CHARS}
 * long. Every refusal is a {@link LimitException} naming the file and the limit.
 */
public final class BoundedFiles {
    private BoundedFiles() {
    }

    /** Refuses what is not a regular file, or is larger than {@code maxBytes}; {@code what} names it ("project file"). */
    public static void checkRegular(Path file, long maxBytes, String what) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        if (attrs.isDirectory()) {
            throw new LimitException(file + " is a folder, not a " + what);
        }
        if (!attrs.isRegularFile()) {
            throw new LimitException(file + " is not a regular file (a device, pipe or socket); DeepWire reads a "
                    + what + " only from an ordinary file");
        }
        if (attrs.size() > maxBytes) {
            throw tooLarge(file, attrs.size() + " bytes", maxBytes, what);
        }
        if (!Files.isReadable(file)) {
            throw new AccessDeniedException(file.toString());
        }
    }

    /**
     * The file's bytes as a stream that stops with a refusal past {@code maxBytes}, after {@link #checkRegular}. What
     * is opened is checked again ({@link OpenedFile}): a pipe put in the file's place between the check and the open
     * had made the open wait for a writer forever, the window or the command line hung with it.
     */
    public static InputStream open(Path file, long maxBytes, String what) throws IOException {
        return open(file, maxBytes, what, () -> { }, OpenedFile.OPEN_WAIT_MS);
    }

    /**
     * {@link #open}, with {@code betweenCheckAndOpen} run where a hostile swap would happen and the open waited for at
     * most {@code waitMs} (tests).
     */
    static InputStream open(Path file, long maxBytes, String what, Runnable betweenCheckAndOpen, long waitMs)
            throws IOException {
        checkRegular(file, maxBytes, what);
        betweenCheckAndOpen.run();
        return capped(new BufferedInputStream(OpenedFile.open(file, what, waitMs), 1 << 16), maxBytes, file, what, "");
    }

    /** Like {@link #open}, decompressed when the name ends in {@code .gz}, the decompressed size capped too. */
    public static InputStream openMaybeGzip(Path file, long maxBytes, String what) throws IOException {
        InputStream raw = open(file, maxBytes, what);
        if (!file.getFileName().toString().endsWith(".gz")) {
            return raw;
        }
        try {
            return capped(new GZIPInputStream(raw, 1 << 16), maxBytes, file, what, " once decompressed");
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    /** All bytes of the file, within the limit. */
    public static byte[] readAll(Path file, long maxBytes, String what) throws IOException {
        try (InputStream in = open(file, maxBytes, what)) {
            return in.readAllBytes();
        }
    }

    /** UTF-8 text, malformed bytes refused, a leading byte-order mark dropped. */
    public static String utf8(byte[] bytes) throws CharacterCodingException {
        CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        String s = chars.toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** Reads UTF-8 lines (malformed bytes refused, a leading byte-order mark dropped) of at most {@code maxChars}. */
    public static LineReader lines(InputStream in, Path file, int maxChars) {
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        return new LineReader(r, file, maxChars);
    }

    static LimitException tooLarge(Path file, String size, long limit, String what) {
        return new LimitException(file + " is " + size + "; the limit for a " + what + " is " + Limits.bytes(limit)
                + " (" + limit + " bytes)");
    }

    private static InputStream capped(InputStream in, long max, Path file, String what, String how) {
        return new CappedStream(in, max, () -> tooLarge(file, "over " + Limits.bytes(max) + how, max, what));
    }
}
