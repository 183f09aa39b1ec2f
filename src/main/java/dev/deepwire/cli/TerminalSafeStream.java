package dev.deepwire.cli;

import dev.deepwire.limits.MessageText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What the command line prints, made safe for a terminal: names, ids, labels, paths and messages come from files,
 * and a control character in them (ESC, CR, BEL, backspace, C1 controls, bidirectional overrides and isolates) is
 * shown escaped as {@code \\u001b} instead of acting on the terminal. Newlines and tabs pass; the rest of UTF-8 text
 * passes unchanged. Bytes that are not UTF-8 are shown as {@code \\xNN}.
 */
final class TerminalSafeStream extends OutputStream {
    private final OutputStream out;
    private final byte[] pending = new byte[4];
    private int have;
    private int need;

    TerminalSafeStream(OutputStream out) {
        this.out = out;
    }

    /** The text as it would be printed: control characters escaped. */
    static String escape(String text) {
        return dev.deepwire.limits.VisibleText.of(text);
    }

    /**
     * Text from a file (a name, a value, a message quoting one) as one printed line: control characters escaped as by
     * {@link #escape}, and a newline too, so a name cannot start a line of its own that looks like DeepWire's; an
     * over-long value shortened by {@link dev.deepwire.limits.MessageText}, so no line is kilobytes long.
     */
    /**
     * A path (or name) as printed inside a line: control characters, bidi overrides and newlines escaped, but not
     * shortened, so the printed path is still the whole path.
     */
    static String path(Object path) {
        return escape(String.valueOf(path)).replace("\n", escaped('\n'));
    }

    static String oneLine(String text) {
        return MessageText.shorten(escape(text).replace("\n", escaped('\n')));
    }

    static boolean unsafe(int c) {
        return dev.deepwire.limits.VisibleText.unsafe(c); // the one rule, as the window shows a project's text
    }

    private static String escaped(int c) {
        return dev.deepwire.limits.VisibleText.escaped(c);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        b &= 0xff;
        if (have > 0) {
            if ((b & 0xc0) == 0x80) {
                pending[have++] = (byte) b;
                if (have == need) {
                    int c = new String(pending, 0, have, StandardCharsets.UTF_8).codePointAt(0);
                    if (unsafe(c)) {
                        out.write(escaped(c).getBytes(StandardCharsets.US_ASCII));
                    } else {
                        out.write(pending, 0, have);
                    }
                    have = 0;
                }
                return;
            }
            dropPending();
        }
        if (b < 0x80) {
            if (unsafe(b)) {
                out.write(escaped(b).getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(b);
            }
        } else if (b >= 0xc2 && b <= 0xf4) {
            need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
            pending[have++] = (byte) b;
        } else {
            out.write(String.format(Locale.ROOT, "\\x%02x", b).getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** An unfinished UTF-8 sequence: its bytes shown as {@code \\xNN}. */
    private void dropPending() throws IOException {
        for (int i = 0; i < have; i++) {
            out.write(String.format(Locale.ROOT, "\\x%02x", pending[i] & 0xff).getBytes(StandardCharsets.US_ASCII));
        }
        have = 0;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        dropPending(); // an unfinished sequence at the end is shown, not lost
        out.flush();
    }
}
