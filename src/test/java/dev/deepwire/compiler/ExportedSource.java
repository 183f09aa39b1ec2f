package dev.deepwire.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;

/** Compiles an exported Java source with javac (against the test classpath) and runs its {@code configuration()}. */
final class ExportedSource {
    private ExportedSource() {
    }

    /**
     * Writes {@code source} as {@code className.java} in {@code dir}, compiles it there (asserting that javac succeeds)
     * and returns what its {@code configuration()} builds.
     */
    static ComputationGraphConfiguration build(String source, String className, Path dir) throws Exception {
        Path file = dir.resolve(className + ".java");
        Files.writeString(file, source);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, errors, "-classpath",
                System.getProperty("java.class.path"), "-d", dir.toString(), file.toString());
        assertThat(rc).as("javac: " + errors + "\n" + (source.length() > 20_000 ? source.substring(0, 20_000) + "…" : source))
                .isZero();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, ExportedSource.class.getClassLoader())) {
            return (ComputationGraphConfiguration) loader.loadClass(className).getMethod("configuration").invoke(null);
        }
    }
}
