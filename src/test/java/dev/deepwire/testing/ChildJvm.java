package dev.deepwire.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the test code in a JVM of its own, for tests that change process-wide state (thread
 * priorities) or that stand in for another program (a training process that hangs or talks nonsense).
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** The command that starts {@code main} with this JVM's class path (test classes included). */
    public static List<String> command(Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Runs {@code main} to its end (at most 60 s) and returns its standard output; fails on a non-zero exit, with
     * what the child wrote to its standard error in the message (a report shows why, not only that).
     */
    public static String run(Class<?> main, String... args) throws IOException, InterruptedException {
        Path err = Files.createTempFile("child-jvm", ".err");
        try {
            Process p = new ProcessBuilder(command(main, args)).redirectError(err.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(main.getSimpleName() + " did not end within 60 s" + said(err));
            }
            if (p.exitValue() != 0) {
                throw new AssertionError(main.getSimpleName() + " ended with exit code " + p.exitValue() + said(err));
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static String said(Path err) throws IOException {
        String text = Files.readString(err, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "" : "; its standard error:\n" + text;
    }
}
