package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deepwire FILE.dwproj} opens the workbench on the file; a missing file or no display is one line and exit 2. */
class WorkbenchLauncherTest {
    @Test
    void aSingleProjectFileArgumentMeansTheWorkbench(@TempDir Path dir) throws Exception {
        Path lesson = Files.writeString(dir.resolve("lesson.dwproj"), "{}");
        Path other = Files.writeString(dir.resolve("lesson.json"), "{}");
        assertThat(WorkbenchLauncher.projectArgument(new String[] {lesson.toString()})).contains(lesson);
        assertThat(WorkbenchLauncher.projectArgument(new String[] {other.toString()})).as("an existing file").contains(other);
        assertThat(WorkbenchLauncher.projectArgument(new String[] {"missing.dwproj"})).contains(Path.of("missing.dwproj"));
        assertThat(WorkbenchLauncher.projectArgument(new String[] {"validate"})).isEmpty();
        assertThat(WorkbenchLauncher.projectArgument(new String[] {"--help"})).isEmpty();
        assertThat(WorkbenchLauncher.projectArgument(new String[] {"train", lesson.toString()})).isEmpty();
        assertThat(WorkbenchLauncher.projectArgument(new String[] {"nonsense"})).as("left to the command line").isEmpty();
    }

    @Test
    void aMissingFileIsOneLineAndExitCode2(@TempDir Path dir) {
        String[] err = new String[1];
        int code = capturingErr(err, () -> WorkbenchLauncher.launchOn(dir.resolve("lesson.dwproj")));
        assertThat(code).isEqualTo(2);
        assertThat(err[0].strip()).doesNotContain("\n").contains("lesson.dwproj: no such project file");
    }

    /** A pipe or a device named had been called missing ("no such project file"), though it is there. */
    @Test
    void aPipeOrAFolderIsNamedForWhatItIsNotCalledMissing(@TempDir Path dir) throws Exception {
        Path pipe = dir.resolve("lesson.dwproj");
        int rc = new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor();
        org.junit.jupiter.api.Assumptions.assumeTrue(rc == 0, "mkfifo is not available");
        String[] err = new String[1];
        assertThat(capturingErr(err, () -> WorkbenchLauncher.launchOn(pipe))).isEqualTo(2);
        assertThat(err[0].strip()).doesNotContain("\n").doesNotContain("no such")
                .contains("lesson.dwproj: is not a regular file (a device, pipe or socket)");
        Path folder = Files.createDirectories(dir.resolve("folder.dwproj"));
        assertThat(capturingErr(err, () -> WorkbenchLauncher.launchOn(folder))).isEqualTo(2);
        assertThat(err[0].strip()).doesNotContain("no such").contains("folder.dwproj: is a folder, not a project file");
    }

    @Test
    void withoutADisplayOnLinuxThereIsNoWindow() {
        assertThat(WorkbenchLauncher.hasDisplay(Map.of(), "Linux", null)).isFalse();
        assertThat(WorkbenchLauncher.hasDisplay(Map.of("DISPLAY", ""), "Linux", null)).isFalse();
        assertThat(WorkbenchLauncher.hasDisplay(Map.of("DISPLAY", ":0"), "Linux", null)).isTrue();
        assertThat(WorkbenchLauncher.hasDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null)).isTrue();
        assertThat(WorkbenchLauncher.hasDisplay(Map.of(), "Windows 11", null)).isTrue();
        assertThat(WorkbenchLauncher.hasDisplay(Map.of(), "Linux", "Monocle")).as("a headless test platform").isTrue();
        assertThat(WorkbenchLauncher.NO_DISPLAY).contains("deepwire --help").doesNotContain("\n");
    }

    private static int capturingErr(String[] out, IntSupplier action) {
        PrintStream before = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            return action.getAsInt();
        } finally {
            System.setErr(before);
            out[0] = bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
