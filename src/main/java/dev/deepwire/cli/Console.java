package dev.deepwire.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The command line's own output. DL4J/SameDiff print progress to {@code System.out}; unless verbose,
 * that stream is silenced so stdout carries only DeepWire's lines. What DeepWire prints through {@link #out()} and
 * {@link #err()} passes a {@link TerminalSafeStream}: text from files never drives the terminal.
 */
final class Console {
    private static PrintStream rawOut = System.out;
    private static PrintStream out = safe(rawOut, terminalCharset("sun.stdout.encoding"));
    private static PrintStream rawErr = System.err;
    private static PrintStream err = safe(rawErr, terminalCharset("sun.stderr.encoding"));
    private static boolean silenced;

    private Console() {
    }

    private static PrintStream safe(PrintStream stream, Charset charset) {
        return new PrintStream(new TerminalSafeStream(stream), true, charset);
    }

    /** The encoding Java gave the standard stream (as System.out encodes). */
    private static Charset terminalCharset(String property) {
        try {
            String name = System.getProperty(property);
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    /** Keeps the real stdout for DeepWire and, unless verbose, silences everyone else's. */
    static synchronized void claim(boolean verbose) {
        if (!verbose && !silenced) {
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            silenced = true;
        }
    }

    /** Standard output for text, control characters escaped. */
    static synchronized PrintStream out() {
        return out;
    }

    /** Standard error for text, control characters escaped. */
    static synchronized PrintStream err() {
        return err;
    }

    /**
     * Standard output as it is: for a file's bytes written to {@code -}, the terminal's own control of a progress
     * line, and picocli's help (its styles); never for text that came from a file.
     */
    static synchronized PrintStream rawOut() {
        return rawOut;
    }

    /** Standard error as it is: picocli's help and usage only. */
    static synchronized PrintStream rawErr() {
        return rawErr;
    }

    /** For tests: where DeepWire's lines go (as UTF-8). */
    static synchronized void redirect(PrintStream stream) {
        if (stream == out) {
            return;
        }
        rawOut = stream;
        out = safe(stream, StandardCharsets.UTF_8);
    }

    /** For tests: where DeepWire's error lines go. */
    static synchronized void redirectErr(PrintStream stream) {
        if (stream == err) {
            return;
        }
        rawErr = stream;
        err = safe(stream, StandardCharsets.UTF_8);
    }
}
