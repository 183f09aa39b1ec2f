package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.GraphFixture;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.training.RunState;
import dev.deepwire.training.TrainingEvent;
import dev.deepwire.ui.editor.EditorViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line that says why a 1-N knowledge-graph run's validation loss stays flat beside a falling training loss: its
 * chance level and the validation MRR from the first epoch to now; nothing for other runs.
 */
class LossNoteTest {
    @TempDir
    Path dir;

    @Test
    void theLineGivesTheChanceLevelAndTheMrrFromTheFirstEpochToNow() {
        LossNote note = new LossNote();
        note.begin(4000, true);
        assertThat(note.lineProperty().get()).as("ln 4,000")
                .isEqualTo("Most held-out answers unfound: loss near chance (8.29)");
        assertThat(note.detailProperty().get()).contains("all 4,000 entities").contains("ln 4,000 = 8.29")
                .contains("chooses the model kept");
        note.measured(new TrainingEvent.SelectionMeasured(1, 41, "validation filtered MRR", 0.0855));
        note.measured(new TrainingEvent.SelectionMeasured(2, 82, "validation filtered MRR", 0.1114));
        note.measured(new TrainingEvent.SelectionMeasured(3, 123, "validation filtered MRR", 0.1049));
        assertThat(note.lineProperty().get()).endsWith(" · MRR 0.086 → 0.105");
        note.finished(2);
        assertThat(note.lineProperty().get()).as("the kept epoch's MRR, not the last one's (which no kept model has)")
                .endsWith(" · MRR 0.086 → 0.111 (epoch 2, kept)");
        note.clear();
        assertThat(note.lineProperty().get()).isEmpty();
        assertThat(note.detailProperty().get()).isEmpty();
        note.measured(new TrainingEvent.SelectionMeasured(1, 41, "validation filtered MRR", 0.2));
        assertThat(note.lineProperty().get()).as("no 1-N run, nothing to explain").isEmpty();
        note.begin(4000, false);
        assertThat(note.detailProperty().get()).as("selecting on the loss: where MRR is seen").contains("test report");
    }

    /** 20 entities in a ring: e(i) next e(i+1); some links held out for validation. */
    static Project ring(Path dir, String selectOn) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append("e").append(i).append("\tnext\te").append((i + 1) % 20).append(i % 5 == 0 ? "\tvalidation\n" : "\ttrain\n");
            sb.append("e").append(i).append("\tsame_parity\te").append((i + 2) % 20).append("\ttrain\n");
        }
        Files.writeString(dir.resolve("ring.tsv"), sb.toString());
        var g = new GraphFixture().node("h", "id_input", "count", 20).node("r", "id_input", "count", 4)
                .node("s", "distmult_1n", "dim", 4).node("o", "link_ranking_output")
                .wire("h.out", "s.head").wire("r.out", "s.relation").wire("s.out", "o.in").graph();
        return new Project("ring", "", g, new DatasetSpec("triples", Map.of("file", "ring.tsv", "scoring", "1-n")),
                new TrainingSettings(3, 16, "adagrad", 0.5, 7, 0, 0).withSelectOn(selectOn));
    }

    private TrainingViewModel trained(Project p) {
        return trained(p, dir);
    }

    /** A view model that has trained {@code p} to its end (inline), its data in {@code dir}. */
    static TrainingViewModel trained(Project p, Path dir) {
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(), p, Runnable::run, Runnable::run);
        TrainingViewModel vm = new TrainingViewModel(editor, Runnable::run, Runnable::run, Runnable::run, () -> dir.resolve("runs"));
        vm.data().setFolder(() -> dir);
        assertThat(vm.start(p.training())).isTrue();
        vm.drain();
        assertThat(vm.phaseProperty().get()).as(vm.statusProperty().get()).isEqualTo(RunState.FINISHED);
        return vm;
    }

    @Test
    void aOneToNRunSaysWhyItsValidationLossStaysFlatAndOtherRunsSayNothing() throws Exception {
        TrainingViewModel vm = trained(ring(dir, "mrr"));
        assertThat(vm.measured().lossNote().lineProperty().get()).as("ln 20")
                .startsWith("Most held-out answers unfound: loss near chance (3.00) · MRR ")
                .matches(".* · MRR \\d\\.\\d{3} → \\d\\.\\d{3} \\(epoch \\d, kept\\)");
        String kept = vm.statusProperty().get().replaceAll(".*the model kept is the one after epoch (\\d+).*", "$1");
        assertThat(vm.measured().lossNote().lineProperty().get()).as("the epoch the finished line names as kept: " + vm.statusProperty().get())
                .endsWith("(epoch " + kept + ", kept)");
        assertThat(vm.measured().lossNote().detailProperty().get()).contains("all 20 entities");
        assertThat(trained(ring(dir, "loss")).measured().lossNote().lineProperty().get()).as("no MRR measured each epoch")
                .isEqualTo("Most held-out answers unfound: loss near chance (3.00)");

        Project marker = SmallMarker.project(Map.of("train", 64, "validation", 16));
        marker.setTraining(new TrainingSettings(1, 32, "adam", 1e-3, 42, 0, 0));
        EditorViewModel editor = vm.editor();
        editor.setProject(marker);
        assertThat(vm.measured().lossNote().lineProperty().get()).as("another project: the last run's note goes").isEmpty();
        vm.data().setFolder(() -> dir);
        assertThat(vm.start(marker.training())).isTrue();
        vm.drain();
        assertThat(vm.phaseProperty().get()).isEqualTo(RunState.FINISHED);
        assertThat(vm.measured().lossNote().lineProperty().get()).as("a classifier's validation loss needs no note").isEmpty();
    }
}
