package dev.deepwire.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SweepPlanTest {
    private static final Path FILE = Path.of("sample-projects/marker.dwproj");

    private static Project marker() throws Exception {
        return new ProjectReader().read(FILE);
    }

    private static List<SweepTask> plan(int seeds, String... params) throws Exception {
        return SweepPlan.tasks(marker(), FILE, SweepSpec.parse(List.of(params), seeds, 0), "marker-sweep-1");
    }

    @Test
    void everyCombinationTimesTheSeedsWithNamesSettingsAndAppliedValues() throws Exception {
        List<SweepTask> tasks = plan(2, "training.learningRate=1e-4,1e-3", "attn.heads=2,4", "training.optimizer=adam,sgd");

        assertThat(tasks).hasSize(2 * 2 * 2 * 2);
        assertThat(tasks.stream().map(SweepTask::runName)).containsExactly(
                "marker-sweep-1-01", "marker-sweep-1-02", "marker-sweep-1-03", "marker-sweep-1-04",
                "marker-sweep-1-05", "marker-sweep-1-06", "marker-sweep-1-07", "marker-sweep-1-08",
                "marker-sweep-1-09", "marker-sweep-1-10", "marker-sweep-1-11", "marker-sweep-1-12",
                "marker-sweep-1-13", "marker-sweep-1-14", "marker-sweep-1-15", "marker-sweep-1-16");
        Set<Map<String, String>> distinct = tasks.stream().map(SweepTask::settings).collect(Collectors.toSet());
        assertThat(distinct).hasSize(16);
        assertThat(tasks.get(0).settings()).isEqualTo(Map.of("training.learningRate", "1e-4", "attn.heads", "2",
                "training.optimizer", "adam", "seed", "42"));
        assertThat(tasks.get(1).settings()).containsEntry("seed", "43");
        SweepTask last = tasks.get(15);
        assertThat(last.settings()).containsEntry("training.learningRate", "1e-3").containsEntry("attn.heads", "4")
                .containsEntry("training.optimizer", "sgd").containsEntry("seed", "43");
        Project trained = new ProjectReader().parse(last.projectJson());
        assertThat(trained.training().learningRate()).isEqualTo(1e-3);
        assertThat(trained.training().optimizer()).isEqualTo("sgd");
        assertThat(trained.training().seed()).isEqualTo(43);
        assertThat(trained.graph().require("attn").param("heads")).isEqualTo(4);
        assertThat(last.projectFile()).isEqualTo(FILE.toAbsolutePath().normalize().toString());
        assertThat(SweepPlan.describe(SweepSpec.parse(List.of("training.learningRate=1e-3", "attn.heads=4"), 1, 0),
                last.settings())).isEqualTo("training.learningRate=1e-3, attn.heads=4, seed=43");
    }

    @Test
    void aValueThatLeavesTheGraphInvalidIsPlannedItsRunFindsOut() throws Exception {
        // 3 heads do not divide the model width: valid for the parameter, invalid for the graph — its run fails.
        assertThat(plan(1, "attn.heads=3")).hasSize(1);
    }

    @Test
    void keysAndValuesThatCannotBeUsedAreRefusedNamingThemAndWhatIsAllowed() {
        assertThatThrownBy(() -> plan(1, "training.learningrate=1e-3")).isInstanceOf(SweepSpecException.class)
                .hasMessageContaining("training.learningrate").hasMessageContaining("training.learningRate");
        assertThatThrownBy(() -> plan(1, "atn.heads=2")).isInstanceOf(SweepSpecException.class)
                .hasMessageContaining("no block 'atn'").hasMessageContaining("attn");
        assertThatThrownBy(() -> plan(1, "attn.head=2")).isInstanceOf(SweepSpecException.class)
                .hasMessageContaining("no parameter 'head'").hasMessageContaining("heads");
        assertThatThrownBy(() -> plan(1, "attn.heads=2,two")).isInstanceOf(SweepSpecException.class)
                .hasMessageContaining("attn.heads=two").hasMessageContaining("whole number");
        assertThatThrownBy(() -> plan(1, "attn.heads=0")).isInstanceOf(SweepSpecException.class)
                .hasMessageContaining("attn.heads=0").hasMessageContaining("between");
        assertThatThrownBy(() -> plan(1, "training.learningRate=fast")).isInstanceOf(SweepSpecException.class)
                .hasMessageContaining("training.learningRate=fast").hasMessageContaining("number");
        for (String javaOnly : List.of("NaN", "1f", "1d", "0x1p-3")) { // Java's forms: 0x1p-3 ran at 0.125
            assertThatThrownBy(() -> plan(1, "training.learningRate=" + javaOnly)).isInstanceOf(SweepSpecException.class)
                    .hasMessageContaining("training.learningRate=" + javaOnly).hasMessageContaining("number");
        }
        assertThatThrownBy(() -> plan(1, "training.learningRate=-1")).isInstanceOf(SweepSpecException.class)
                .hasMessageContaining("above 0");
        assertThatThrownBy(() -> plan(1, "training.optimizer=adamw")).isInstanceOf(SweepSpecException.class)
                .hasMessageContaining("must be one of");
        assertThatThrownBy(() -> plan(1, "learningRate")).isInstanceOf(SweepSpecException.class)
                .hasMessageContaining("KEY=v1,v2");
        assertThatThrownBy(() -> plan(1, "attn.heads=2,,4")).isInstanceOf(SweepSpecException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> plan(1, "attn.heads=2,2")).isInstanceOf(SweepSpecException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> plan(1, "attn.heads=2", "attn.heads=4")).isInstanceOf(SweepSpecException.class)
                .hasMessageContaining("given twice");
        assertThatThrownBy(() -> plan(0)).isInstanceOf(SweepSpecException.class).hasMessageContaining("--seeds");
        assertThatThrownBy(() -> plan(2, "training.seed=1,2")).isInstanceOf(SweepSpecException.class)
                .hasMessageContaining("both set the seed");
    }

    @Test
    void anExplicitSeedParameterReplacesTheSeedsAndOneRunWithNoParametersIsTheProjectAsItIs() throws Exception {
        List<SweepTask> seeded = plan(1, "training.seed=7,8");
        assertThat(seeded).extracting(t -> t.settings().get("training.seed")).containsExactly("7", "8");
        assertThat(seeded.get(0).settings()).doesNotContainKey("seed");
        assertThat(new ProjectReader().parse(seeded.get(1).projectJson()).training().seed()).isEqualTo(8);
        assertThat(plan(1)).singleElement().satisfies(t -> assertThat(t.settings()).isEqualTo(Map.of("seed", "42")));
    }

    @Test
    void aValueWithDigitsOtherThan0To9OrInvisibleCharactersIsRefusedNotReadAsANumber() throws Exception {
        // Integer.parseInt reads the Arabic-Indic digit three as 3: the run would be labelled with what was not used
        assertThatThrownBy(() -> plan(1, "training.epochs=\u0663")).isInstanceOf(SweepSpecException.class)
                .hasMessageContaining("U+0663").hasMessageContaining("digits 0-9");
        assertThatThrownBy(() -> plan(1, "attn.heads=2\u202e")).isInstanceOf(SweepSpecException.class)
                .hasMessageContaining("U+202E");
        assertThatThrownBy(() -> plan(1, "training.learningRate=1e-3\n2e-3")).isInstanceOf(SweepSpecException.class)
                .hasMessageContaining("U+000A");
        assertThat(plan(1, "training.epochs=3")).singleElement()
                .satisfies(t -> assertThat(t.settings()).containsEntry("training.epochs", "3"));
    }

    @Test
    void theSelectionFigureIsNotSweptSinceAllRunsAreRankedOnOne() throws Exception {
        assertThatThrownBy(() -> plan(1, "training.selectOn=loss,accuracy")).isInstanceOf(SweepSpecException.class)
                .hasMessageContaining("training.selectOn").hasMessageContaining("one selection figure")
                .hasMessageContaining("project's training settings");
        assertThat(SweepSettings.keys(marker(), dev.deepwire.model.BlockCatalog.standard()))
                .doesNotContain("training.selectOn").contains("training.learningRate");
    }

    @Test
    void aSweepOfTooManyRunsSaysHowManyWithoutUnderstatingThem() {
        String many = java.util.stream.IntStream.rangeClosed(1, 9000).mapToObj(i -> "0." + i)
                .collect(Collectors.joining(","));
        assertThatThrownBy(() -> SweepSpec.parse(List.of("training.learningRate=" + many, "attn.heads=1,2"), 1, 0))
                .isInstanceOf(SweepSpecException.class)
                .hasMessageContaining("more than 10000 runs (9000 × 2 × 1 seed)").hasMessageNotContaining("10001");
    }

    @Test
    void twoSpellingsOfOneValueAreRefusedRatherThanTrainedTwice() throws Exception {
        assertThatThrownBy(() -> plan(1, "training.learningRate=1e-3,3e-3,0.001")).isInstanceOf(SweepSpecException.class)
                .hasMessageContaining("training.learningRate: 1e-3 and 0.001 are the same value");
        assertThatThrownBy(() -> SweepPlan.check(marker(), SweepSpec.parse(List.of("attn.heads=4,04"), 1, 0)))
                .isInstanceOf(SweepSpecException.class).hasMessageContaining("4 and 04 are the same value");
        assertThat(plan(1, "training.learningRate=1e-3,1e-4")).hasSize(2);
    }
}
