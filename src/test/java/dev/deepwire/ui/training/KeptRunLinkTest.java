package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepwire.model.TrainingSettings;
import dev.deepwire.testing.KeptRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder in a project's runs/ that is a symbolic link to a folder outside it ({@code ln -s ~/other-run runs/x}):
 * it is listed (read only), but nothing DeepWire writes back into a kept run's record goes through the link — adopting
 * it when the project is first saved, evaluating it, keeping a slimmed copy's origin all had rewritten
 * ~/other-run/run.json.
 */
class KeptRunLinkTest {
    @Test
    void aRunFolderLinkedOutOfTheProjectIsListedButNeverWrittenThrough(@TempDir Path home) throws Exception {
        Path runs = Files.createDirectories(home.resolve("project/runs"));
        Path outside = KeptRuns.run(home.resolve("elsewhere"), "other-run", "p", "", TrainingSettings.defaults(),
                "finished", 20, 0.5, Double.NaN);
        unsaved(outside);
        String before = Files.readString(outside.resolve("run.json"));
        Path link = Files.createSymbolicLink(runs.resolve("x"), outside);
        Path other = KeptRuns.run(runs, "p-2", "p", "", TrainingSettings.defaults(), "finished", 20, 0.5, Double.NaN);
        assertThat(RunHistory.deleteQuestion(RunHistory.read(other))).isEqualTo("Delete the run p-2 with its metrics and model?");
        RunHistory.delete(RunHistory.read(other));

        assertThat(RunHistory.list(runs)).extracting(r -> r.dir().getFileName().toString()).containsExactly("x");

        assertThatThrownBy(() -> RunHistory.adopt(link, home.resolve("project/p.dwproj")))
                .hasMessageContaining(link.toString()).hasMessageContaining("symbolic link to " + outside.toRealPath());
        RunEvaluation.record(link, Map.of("validation", Map.of("accuracy", 0.5))); // as a run's evaluation does
        assertThatThrownBy(() -> RunHistory.rewrite(link, RunHistory.record(link)))
                .hasMessageContaining("symbolic link");
        assertThat(Files.readString(outside.resolve("run.json"))).as("never written through the link").isEqualTo(before);

        RunHistory.Run listed = RunHistory.read(link);
        assertThat(RunHistory.deleteQuestion(listed)).contains("symbolic link to " + outside.toRealPath())
                .contains("only the link is removed");
        RunHistory.delete(listed);
        assertThat(link).doesNotExist();
        assertThat(Files.readString(outside.resolve("run.json"))).as("the folder it led to is kept").isEqualTo(before);

        Path inside = KeptRuns.run(runs, "p-1", "p", "", TrainingSettings.defaults(), "finished", 20, 0.5, Double.NaN);
        unsaved(inside);
        Path alias = Files.createSymbolicLink(runs.resolve("alias"), inside);
        RunHistory.adopt(alias, home.resolve("project/p.dwproj")); // a link within the runs folder stays the project's
        assertThat(RunHistory.read(inside).projectFile()).endsWith("p.dwproj");
    }

    /** The run's record as a run of a project not saved yet writes it: no project file. */
    private static void unsaved(Path run) throws Exception {
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) RunHistory.record(run);
        json.put("projectFile", "");
        Files.writeString(run.resolve("run.json"), json.toString());
    }
}
