package dev.deepwire.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures what the command line prints during each test (as UTF-8) and puts everything back afterwards: the
 * {@link Console}'s raw streams (never its wrapped ones, which would be wrapped again) and {@code System.out}, which
 * the command line silences for DL4J. Use with {@code @RegisterExtension final CapturedConsole console = new CapturedConsole();}.
 */
final class CapturedConsole implements BeforeEachCallback, AfterEachCallback {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;
    private PrintStream savedSystemOut;

    @Override
    public void beforeEach(ExtensionContext context) {
        savedOut = Console.rawOut();
        savedErr = Console.rawErr();
        savedSystemOut = System.out;
        Console.redirect(new PrintStream(out, true, StandardCharsets.UTF_8));
        Console.redirectErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Console.redirect(savedOut);
        Console.redirectErr(savedErr);
        System.setOut(savedSystemOut);
    }

    /** What the command line printed on standard output so far (since the last reset). */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the command line printed on standard error so far (since the last reset). */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was printed on both streams. */
    void reset() {
        out.reset();
        err.reset();
    }

    /** Forgets what was printed on standard output only. */
    void resetOut() {
        out.reset();
    }

    /** Forgets what was printed on standard error only. */
    void resetErr() {
        err.reset();
    }
}
