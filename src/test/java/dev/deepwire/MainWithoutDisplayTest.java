package dev.deepwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench asked for where there is no display: one line saying so and exit 2, not a JavaFX stack trace. */
class MainWithoutDisplayTest {
    @TempDir
    Path home;

    @Test
    void noDisplayIsOneLineAndExitTwo() throws Exception {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Duser.home=" + home, "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isEqualTo(2);
        assertThat(err.lines().filter(l -> l.startsWith("deepwire: "))).singleElement().asString()
                .contains("no display").contains("deepwire --help");
        assertThat(err).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aCommandLeavesTheUsersPreferencesAloneAndPrintsOnlyItsAnswer() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Duser.home=" + home, "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "validate",
                Path.of("sample-projects/marker.dwproj").toAbsolutePath().toString()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(out).startsWith("valid: marker");
        assertThat(err).as("no 'Created user preferences directory'").doesNotContain("INFO").doesNotContain("prefs");
        assertThat(home.resolve(".java")).as("the workbench's preferences are not the command line's").doesNotExist();
    }
}
