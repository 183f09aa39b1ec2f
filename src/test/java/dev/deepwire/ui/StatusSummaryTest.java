package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.GraphFixture;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.ui.editor.EditorViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The status bar's figures are the shown project's, from the moment it is shown (open, restore). */
class StatusSummaryTest {
    private final List<Runnable> background = new ArrayList<>();

    private void finishAnalyses() {
        List<Runnable> now = new ArrayList<>(background);
        background.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void anotherProjectNeverShowsThePreviousProjectsParametersOrVerdict() throws Exception {
        Project marker = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        EditorViewModel vm = new EditorViewModel(BlockCatalog.standard(), marker, background::add, Runnable::run);
        finishAnalyses();
        String before = StatusSummary.text(vm, vm.analysisProperty().get());
        long markerParams = vm.analysisProperty().get().shapes().totalParams();
        assertThat(markerParams).isPositive();
        assertThat(before).contains(String.format(Locale.ROOT, "%,d", markerParams));

        GraphFixture small = new GraphFixture().node("tokens", "token_input").node("emb", "token_embedding").wire("tokens.out", "emb.in");
        vm.setProject(new Project("recovered", "", small.graph(), null, TrainingSettings.defaults()));
        String meanwhile = StatusSummary.text(vm, vm.analysisProperty().get());
        assertThat(meanwhile).as("before the new project's analysis has come back")
                .startsWith("2 blocks · 1 wire · ").doesNotContain(String.format(Locale.ROOT, "%,d", markerParams)).doesNotContain("no problems")
                .endsWith("checking…");

        finishAnalyses();
        long smallParams = vm.analysisProperty().get().shapes().totalParams();
        assertThat(StatusSummary.text(vm, vm.analysisProperty().get())).contains(String.format(Locale.ROOT, "%,d", smallParams))
                .doesNotContain(String.format(Locale.ROOT, "%,d", markerParams));
    }

    @Test
    void anEditOfTheSameProjectKeepsItsFiguresUntilTheNewOnesArrive() {
        GraphFixture g = new GraphFixture().node("tokens", "token_input").node("emb", "token_embedding");
        EditorViewModel vm = new EditorViewModel(BlockCatalog.standard(), new Project("p", "", g.graph(), null, TrainingSettings.defaults()),
                background::add, Runnable::run);
        finishAnalyses();
        vm.rename("emb", "Embedding");
        assertThat(StatusSummary.text(vm, vm.analysisProperty().get())).as("no flicker to 'checking…' on every edit")
                .contains("parameter");
    }
}
