package dev.deepwire.limits;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;

/**
 * Reads lines ({@code \n}, {@code \r\n} or {@code \r}) of at most so many characters, refusing a longer one
 * with its line number before it is held in memory; a byte-order mark at the start is dropped.
 */
public final class LineReader implements Closeable {
    private final Reader in;
    private final Path file;
    private final int maxChars;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int end;
    private int lineNo;
    private boolean pendingCr;

    LineReader(Reader in, Path file, int maxChars) {
        this.in = in;
        this.file = file;
        this.maxChars = maxChars;
    }

    /** The number of the line last returned, from 1. */
    public int lineNumber() {
        return lineNo;
    }

    /** The next line without its end, or null at the end of the file. */
    public String readLine() throws IOException {
        StringBuilder line = null;
        while (true) {
            if (pos >= end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (line == null) {
                        return null;
                    }
                    return finish(line);
                }
            }
            if (pendingCr) {
                pendingCr = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            if (line == null) {
                line = new StringBuilder();
            }
            int start = pos;
            while (pos < end && buf[pos] != '\n' && buf[pos] != '\r') {
                pos++;
            }
            if (line.length() + (pos - start) > maxChars) {
                throw new LimitException(file + " line " + (lineNo + 1) + " is longer than " + maxChars
                        + " characters, the limit for one line; is it really a text data file?");
            }
            line.append(buf, start, pos - start);
            if (pos < end) {
                pendingCr = buf[pos] == '\r';
                pos++;
                return finish(line);
            }
        }
    }

    private String finish(StringBuilder line) {
        lineNo++;
        if (lineNo == 1 && line.length() > 0 && line.charAt(0) == '\uFEFF') {
            line.deleteCharAt(0);
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
