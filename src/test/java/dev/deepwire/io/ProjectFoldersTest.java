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

    /**
     * A project kept in a run's folder (runs/first/project.dwproj), opened and trained again: its runs had gone into
     * runs/first/runs/, inside a folder that holds one run (deleted with it, never listed). They go beside that run.
     */
    @Test
    void aProjectKeptInARunsFolderPutsItsRunsBesideThatRunNotInsideIt() throws Exception {
        Path run = Files.createDirectories(dir.resolve("p/runs/first"));
        Files.writeString(run.resolve("run.json"), "{}");
        Path kept = run.resolve("project.dwproj");
        assertThat(ProjectFolders.runs(kept)).isEqualTo(dir.resolve("p/runs"));
        assertThat(ProjectFolders.sweeps(kept)).isEqualTo(dir.resolve("p/sweeps"));
        // a run of deepwire train (a model beside its metrics), and one already nested there before: the outermost
        Path cli = Files.createDirectories(dir.resolve("q/runs/cnn-1"));
        Files.writeString(cli.resolve("metrics.csv"), "");
        Files.writeString(cli.resolve("model.zip"), "");
        Path nested = Files.createDirectories(cli.resolve("runs/cnn-2"));
        Files.writeString(nested.resolve("run.json"), "{}");
        assertThat(ProjectFolders.runs(nested.resolve("project.dwproj"))).isEqualTo(dir.resolve("q/runs"));
        // a run the user put elsewhere (train --out out/r1): its runs beside it, its sweeps in that folder
        Path out = Files.createDirectories(dir.resolve("out/r1"));
        Files.writeString(out.resolve("run.json"), "{}");
        assertThat(ProjectFolders.runs(out.resolve("project.dwproj"))).isEqualTo(dir.resolve("out"));
        assertThat(ProjectFolders.sweeps(out.resolve("project.dwproj"))).isEqualTo(dir.resolve("out/sweeps"));
        assertThat(ProjectFolders.enclosingRun(dir.resolve("p"))).as("a project folder is no run").isNull();
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
