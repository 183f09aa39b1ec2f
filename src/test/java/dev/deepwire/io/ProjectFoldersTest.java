package dev.deepwire.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project's own folders (runs/, sweeps/) are written only inside the project's folder, never through a link out. */
class ProjectFoldersTest {
    @TempDir
    Path dir;

    @Test
    void theProjectsFoldersLieBesideItsFile() {
        Path file = dir.resolve("p/x.dwproj");
        assertThat(ProjectFolders.runs(file)).isEqualTo(dir.resolve("p/runs"));
        assertThat(ProjectFolders.sweeps(file)).isEqualTo(dir.resolve("p/sweeps"));
    }

    @Test
    void aLinkLeadingOutOfTheProjectIsRefusedNamingTheLinkWhereItLeadsAndTheFix() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path victim = Files.createDirectories(dir.resolve("home/.ssh"));
        Path runs = Files.createSymbolicLink(project.resolve("runs"), victim);
        assertThatThrownBy(() -> ProjectFolders.requireNoLinkOut(runs)).isInstanceOf(WriteFailure.class)
                .hasMessageContaining("cannot write " + runs)
                .hasMessageContaining("symbolic link to " + victim.toRealPath())
                .hasMessageContaining("outside " + project.toRealPath())
                .hasMessageContaining("Replace it with a real folder");
        // relative, through "..", and two links deep: the same
        Path up = Files.createSymbolicLink(project.resolve("sweeps"), Path.of("../home/.ssh"));
        assertThatThrownBy(() -> ProjectFolders.requireNoLinkOut(up)).isInstanceOf(WriteFailure.class);
        Files.createSymbolicLink(project.resolve("hop"), victim);
        Path twice = Files.createSymbolicLink(project.resolve("runs2"), Path.of("hop"));
        assertThatThrownBy(() -> ProjectFolders.requireNoLinkOut(twice)).isInstanceOf(WriteFailure.class)
                .hasMessageContaining("symbolic link to " + victim.toRealPath());
        Path parent = Files.createSymbolicLink(project.resolve("dots"), Path.of(".."));
        assertThatThrownBy(() -> ProjectFolders.requireNoLinkOut(parent)).isInstanceOf(WriteFailure.class);
    }

    @Test
    void aLinkToNothingOutsideAndALoopAreRefusedToo() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path dangling = Files.createSymbolicLink(project.resolve("runs"), dir.resolve("nowhere/runs"));
        assertThatThrownBy(() -> ProjectFolders.requireNoLinkOut(dangling)).isInstanceOf(WriteFailure.class)
                .hasMessageContaining("symbolic link to " + dir.toRealPath().resolve("nowhere/runs"));
        Path a = project.resolve("a");
        Files.createSymbolicLink(a, Path.of("b"));
        Files.createSymbolicLink(project.resolve("b"), Path.of("a"));
        assertThatThrownBy(() -> ProjectFolders.requireNoLinkOut(a)).isInstanceOf(WriteFailure.class)
                .hasMessageContaining("loop");
    }

    @Test
    void aPlainFolderAMissingOneAndALinkThatStaysInsidePass() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        assertThatCode(() -> ProjectFolders.requireNoLinkOut(project.resolve("runs"))).doesNotThrowAnyException();
        Files.createDirectories(project.resolve("runs"));
        assertThatCode(() -> ProjectFolders.requireNoLinkOut(project.resolve("runs"))).doesNotThrowAnyException();
        Path kept = Files.createDirectories(project.resolve("data/kept-runs"));
        Path inside = Files.createSymbolicLink(project.resolve("sweeps"), Path.of("data/kept-runs"));
        assertThatCode(() -> ProjectFolders.requireNoLinkOut(inside)).doesNotThrowAnyException();
        assertThat(kept).isDirectory();
        // the project's own folder reached through a link (a project on another disk): its runs/ is inside it
        Path elsewhere = Files.createDirectories(dir.resolve("disk/project2/runs"));
        Path linkedProject = Files.createSymbolicLink(dir.resolve("project2"), elsewhere.getParent());
        assertThatCode(() -> ProjectFolders.requireNoLinkOut(linkedProject.resolve("runs"))).doesNotThrowAnyException();
    }
}
