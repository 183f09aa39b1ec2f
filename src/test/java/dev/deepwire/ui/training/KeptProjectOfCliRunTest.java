package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.cli.DeepWireCli;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.Project;
import dev.deepwire.testing.SmallMarker;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run trained by {@code deepwire train} keeps the project it trained, as the window's runs do. */
class KeptProjectOfCliRunTest {
    @TempDir
    Path dir;

    @Test
    void aCommandLineRunIsEvaluatedWithTheGraphItTrainedAfterTheProjectIsEdited() throws Exception {
        // Before: a CLI run's folder kept no project.dwproj; once the graph was edited, Evaluate refused the run
        // ("its folder kept no copy of the one it trained; undo the edits made since").
        Path project = SmallMarker.file(dir, "marker.dwproj");
        Path run = dir.resolve("runs/first");
        assertThat(DeepWireCli.execute("train", project.toString(), "--max-steps", "3", "--out", run.toString()))
                .isZero();
        assertThat(run.resolve("project.dwproj")).isRegularFile();

        Files.writeString(project, Files.readString(project).replace("\"hidden\": 128", "\"hidden\": 96"));
        Project edited = new ProjectReader().read(project);
        RunHistory.Run listed = RunHistory.list(dir.resolve("runs")).get(0);
        RunEvaluation.Kept kept = RunEvaluation.evaluateKept(listed, edited, dir, BlockCatalog.standard());
        assertThat(kept.keptGraph()).as("evaluated with the graph its folder kept").isTrue();
        assertThat(kept.report()).isNotNull();
        assertThat(String.valueOf(RunHistory.keptProject(run).orElseThrow().graph().require("ffn").params().get("hidden")))
                .isEqualTo("128");
    }

    @Test
    void aProjectFileOfTheUsersInTheFolderNamedForTheRunIsLeftAsItIs() throws Exception {
        Path project = SmallMarker.file(dir, "marker.dwproj");
        Path out = Files.createDirectories(dir.resolve("mine"));
        String theirs = "{\"not\": \"a run's copy\"}\n";
        Files.writeString(out.resolve("project.dwproj"), theirs);
        assertThat(DeepWireCli.execute("train", project.toString(), "--max-steps", "2", "--out", out.toString()))
                .isZero();
        assertThat(Files.readString(out.resolve("project.dwproj"))).isEqualTo(theirs);

        // an earlier run's copy goes with its run: --overwrite keeps the new run's project
        Path run = dir.resolve("again");
        assertThat(DeepWireCli.execute("train", project.toString(), "--max-steps", "2", "--out", run.toString()))
                .isZero();
        Files.writeString(project, Files.readString(project).replace("\"hidden\": 128", "\"hidden\": 96"));
        assertThat(DeepWireCli.execute("train", project.toString(), "--max-steps", "2", "--out", run.toString(),
                "--overwrite")).isZero();
        assertThat(String.valueOf(RunHistory.keptProject(run).orElseThrow().graph().require("ffn").params().get("hidden")))
                .isEqualTo("96");
    }
}
