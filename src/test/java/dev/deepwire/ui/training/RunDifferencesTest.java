package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.io.ProjectReader;
import dev.deepwire.io.ProjectWriter;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.testing.KeptRuns;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDifferencesTest {
    private static final Path SAMPLE = Path.of("sample-projects/digits-caption.dwproj");

    /**
     * A teacher trained the sample for 40 epochs, made "Dense 64" 32 units wide and trained 3 epochs: Runs… → Compare
     * table had shown both runs as "adam 0.001, batch 64, seed 42", nothing telling them apart.
     */
    @Test
    void runsOfOtherEpochsAndAnotherBlockWidthSayWhatSetsThemApart(@TempDir Path runs) throws Exception {
        TrainingSettings settings = TrainingSettings.defaults();
        Path before = KeptRuns.run(runs, "p-1", "p", "/x/p.dwproj", settings.withEpochs(40), "finished", 1800, 0.94,
                Double.NaN);
        Project project = new ProjectReader().read(SAMPLE);
        new ProjectWriter().write(project, before.resolve("project.dwproj")); // the folder keeps what was trained
        Path after = KeptRuns.run(runs, "p-2", "p", "/x/p.dwproj", settings.withEpochs(3), "finished", 135, 0.55,
                Double.NaN);
        project.graph().setParam("hidden", "units", 32);
        new ProjectWriter().write(project, after.resolve("project.dwproj"));
        Path noGraph = KeptRuns.run(runs, "p-3", "p", "/x/p.dwproj", settings.withEpochs(3), "finished", 135, 0.5,
                Double.NaN); // trained in the window's own process: no project.dwproj kept

        List<RunHistory.Run> listed = RunHistory.list(runs);
        Map<String, String> shown = new java.util.HashMap<>();
        RunComparison.rows(listed).forEach(r -> shown.put(r.name(), r.settings()));

        assertThat(shown.get("p-1")).startsWith("Epochs 40, Dense 64 units 64 · ").endsWith("seed " + settings.seed());
        assertThat(shown.get("p-2")).startsWith("Epochs 3, Dense 64 units 32 · ");
        assertThat(shown.get("p-3")).as("its graph is not known: only its settings are compared")
                .startsWith("Epochs 3 · ").doesNotContain("Dense");
        assertThat(shown.values()).noneMatch(s -> s.contains("Patch projection"))
                .as("what the runs share is not repeated").noneMatch(s -> s.contains("Validation split"));
    }

    @Test
    void aBlockOnlySomeRunsHaveIsNamedOnceNotWithEachOfItsParameters(@TempDir Path runs) throws Exception {
        Project project = new ProjectReader().read(SAMPLE);
        Path with = KeptRuns.run(runs, "p-1", "p", "/x/p.dwproj", TrainingSettings.defaults(), "finished", 10, 0.5, Double.NaN);
        new ProjectWriter().write(project, with.resolve("project.dwproj"));
        List.copyOf(project.graph().edgesInto("hidden")).forEach(project.graph()::disconnect);
        List.copyOf(project.graph().edgesFrom("hidden")).forEach(project.graph()::disconnect);
        project.graph().removeNode("hidden");
        Path without = KeptRuns.run(runs, "p-2", "p", "/x/p.dwproj", TrainingSettings.defaults(), "finished", 10, 0.5,
                Double.NaN);
        new ProjectWriter().write(project, without.resolve("project.dwproj"));

        Map<Path, String> apart = RunDifferences.of(RunHistory.list(runs));

        assertThat(apart.get(with)).isEqualTo("Dense 64 (dense)");
        assertThat(apart.get(without)).isEqualTo("without Dense 64 (dense)");
    }

    @Test
    void oneRunAloneHasNothingToBeToldApartFrom(@TempDir Path runs) throws Exception {
        Path only = KeptRuns.run(runs, "p-1", "p", "/x/p.dwproj", TrainingSettings.defaults(), "finished", 10, 0.5, Double.NaN);
        new ProjectWriter().write(new ProjectReader().read(SAMPLE), only.resolve("project.dwproj"));

        assertThat(RunDifferences.of(RunHistory.list(runs))).containsEntry(only, "");
    }
}
