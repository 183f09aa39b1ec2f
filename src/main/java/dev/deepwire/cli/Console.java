package dev.deepwire.cli;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The command line's own output. DL4J/SameDiff print progress to {@code System.out}; unless verbose,
 * that stream is silenced so stdout carries only DeepWire's lines.
 */
final class Console {
    private static PrintStream out = System.out;
    private static PrintStream err = System.err;
    private static boolean silenced;

    private Console() {
    }

    /** Keeps the real stdout for DeepWire and, unless verbose, silences everyone else's. */
    static synchronized void claim(boolean verbose) {
        if (!verbose && !silenced) {
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            silenced = true;
        }
    }

    static PrintStream out() {
        return out;
    }

    static PrintStream err() {
        return err;
    }

    /** For tests: where DeepWire's error lines go. */
    static synchronized void redirectErr(PrintStream stream) {
        err = stream;
    }

    /** For tests: where DeepWire's lines go. */
    static synchronized void redirect(PrintStream stream) {
        out = stream;
    }
}
