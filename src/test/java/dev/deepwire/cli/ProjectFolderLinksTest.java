package dev.deepwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.testing.SmallMarker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project whose runs/ or sweeps/ is a symbolic link out of its folder (a downloaded project with runs -> ~/.ssh):
 * train and sweep refuse it with exit 2, naming the link and the fix, before any training, and write nothing where it
 * points. train --out names the folder itself and is the user's choice.
 */
class ProjectFolderLinksTest {
    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    private static long count(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.count() - 1;
        }
    }

    @Test
    void trainRefusesARunsFolderLinkedOutOfTheProject() throws Exception {
        Path project = SmallMarker.file(Files.createDirectories(dir.resolve("project")), "marker.dwproj");
        Path victim = Files.createDirectories(dir.resolve("victim"));
        Path runs = Files.createSymbolicLink(project.resolveSibling("runs"), victim);
        int code = DeepWireCli.execute("train", project.toString(), "--max-steps", "2", "--epochs", "1");
        assertThat(code).as(console.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(console.err()).contains(runs.toString()).contains("symbolic link to " + victim.toRealPath())
                .contains("Replace it with a real folder").doesNotContain("internal error");
        assertThat(console.out()).doesNotContain("epoch");
        assertThat(count(victim)).as("nothing written where the link points").isZero();
        assertThat(Files.isSymbolicLink(runs)).as("the link is left as it is").isTrue();
        // naming the folder yourself is your choice, link or not
        Path mine = victim.resolve("mine");
        assertThat(DeepWireCli.execute("train", project.toString(), "--max-steps", "2", "--epochs", "1",
                "--out", runs.resolve("mine").toString())).as(console.err()).isZero();
        assertThat(mine.resolve("model.zip")).exists();
    }

    @Test
    void sweepRefusesRunsOrSweepsLinkedOutOfTheProjectBeforeAnyRun() throws Exception {
        Path project = SmallMarker.file(Files.createDirectories(dir.resolve("project")), "marker.dwproj");
        Path victim = Files.createDirectories(dir.resolve("victim"));
        Path sweeps = Files.createSymbolicLink(project.resolveSibling("sweeps"), victim);
        assertThat(DeepWireCli.execute("sweep", project.toString(), "--param", "training.learningRate=0.001,0.01",
                "--max-steps", "2", "--parallel", "1")).as(console.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(console.err()).contains(sweeps.toString()).contains("symbolic link to " + victim.toRealPath());
        assertThat(count(victim)).isZero();
        Files.delete(sweeps);
        Path runs = Files.createSymbolicLink(project.resolveSibling("runs"), victim);
        Path out = dir.resolve("my-sweep");
        assertThat(DeepWireCli.execute("sweep", project.toString(), "--param", "training.learningRate=0.001,0.01",
                "--max-steps", "2", "--parallel", "1", "--out", out.toString())).as(console.err())
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(console.err()).contains(runs.toString()).contains("symbolic link to " + victim.toRealPath());
        assertThat(console.out()).doesNotContain("FINISHED");
        assertThat(count(victim)).isZero();
        assertThat(project.resolveSibling("sweeps")).doesNotExist();
    }
}
