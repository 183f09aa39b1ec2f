package dev.deepwire.cli;

import dev.deepwire.io.AtomicFiles;
import dev.deepwire.io.WriteFailure;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * Where a command writes one file: {@code -} (or {@code /dev/stdout}) is standard output, any other device a stream,
 * and every other path a file written whole by {@link AtomicFiles}. A failure is one line with the real reason.
 */
final class Outputs {
    private static final Set<Path> STDOUT = Set.of(Path.of("/dev/stdout"), Path.of("/dev/fd/1"), Path.of("/proc/self/fd/1"));

    private Outputs() {
    }

    /** {@code -} or a name of this process's standard output. */
    static boolean isStdout(Path target) {
        return target != null && (target.toString().equals("-") || STDOUT.contains(target.toAbsolutePath().normalize()));
    }

    /** Where lines about the work go: standard error when the work itself goes to standard output. */
    static PrintStream report(Path... targets) {
        for (Path t : targets) {
            if (isStdout(t)) {
                return Console.err();
            }
        }
        return Console.out();
    }

    /**
     * Text written to standard output while it is a terminal has its control characters escaped, as every line DeepWire
     * prints (an entity named with ESC sequences would otherwise drive the terminal); piped or redirected, and binary
     * (a PNG), it is written byte for byte.
     */
    static byte[] forTerminal(byte[] content, boolean terminal) {
        if (!terminal) {
            return content;
        }
        try {
            String text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content)).toString();
            return TerminalSafeStream.escape(text).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            return content; // not text
        }
    }

    static void write(Path target, byte[] content) throws CliException {
        if (isStdout(target)) {
            PrintStream raw = Console.rawOut();
            content = forTerminal(content, System.console() != null);
            raw.write(content, 0, content.length);
            raw.flush();
            if (raw.checkError()) {
                throw new CliException(ExitCodes.BAD_INPUT, "cannot write to standard output (closed?)");
            }
            return;
        }
        try {
            AtomicFiles.write(target, content);
        } catch (IOException e) {
            throw new CliException(ExitCodes.BAD_INPUT, WriteFailure.of(target, e).getMessage());
        }
    }
}
