package dev.deepwire.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.GraphFixture;
import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.data.MarkerDataset;
import dev.deepwire.data.TripleDataset;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.testing.SmallMarker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** training.selectOn: the run ends with the epoch the chosen validation figure liked best. */
class SelectionTest {
    @TempDir
    Path dir;

    /** 20 entities in a ring: e(i) next e(i+1); some links held out for validation. */
    private DatasetSplits ring() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append("e").append(i).append("\tnext\te").append((i + 1) % 20).append(i % 5 == 0 ? "\tvalidation\n" : "\ttrain\n");
            sb.append("e").append(i).append("\tsame_parity\te").append((i + 2) % 20).append("\ttrain\n");
        }
        Files.writeString(dir.resolve("ring.tsv"), sb.toString());
        return TripleDataset.load(new DatasetSpec("triples", Map.of("file", "ring.tsv", "scoring", "1-n")), dir);
    }

    private static CompiledNetwork oneToAll(TrainingSettings s) {
        var g = new GraphFixture().node("h", "id_input", "count", 20).node("r", "id_input", "count", 4)
                .node("s", "complex_1n", "dim", 4).node("o", "link_ranking_output")
                .wire("h.out", "s.head").wire("r.out", "s.relation").wire("s.out", "o.in").graph();
        return new GraphCompiler(BlockCatalog.standard()).compile(g, CompileOptions.forTraining(s)).orThrow();
    }

    @Test
    void selectingOnValidationMrrEndsTheRunWithTheBestEpochsModel() throws Exception {
        TrainingSettings s = new TrainingSettings(6, 16, "adagrad", 0.5, 7, 0, 0).withSelectOn("mrr");
        List<TrainingEvent> events = new ArrayList<>();
        TrainingRun run = new TrainingEngine(Runnable::run).start(oneToAll(s), ring(), s, new RunOptions(0, dir, "ring"),
                events::add);
        assertThat(run.outcome()).isInstanceOf(TrainingEvent.RunFinished.class);
        String reason = ((TrainingEvent.RunFinished) run.outcome()).reason();
        assertThat(reason).contains("all 6 epochs done; the model kept is the one after epoch ")
                .contains("which had the best validation filtered MRR");
        var measured = events.stream().filter(e -> e instanceof TrainingEvent.SelectionMeasured)
                .map(e -> (TrainingEvent.SelectionMeasured) e).toList();
        assertThat(measured).as("the figure the model is chosen on, once per epoch").hasSize(6)
                .allSatisfy(m -> assertThat(m.figure()).isEqualTo("validation filtered MRR"))
                .allSatisfy(m -> assertThat(m.value()).isBetween(0.0, 1.0));
        int bestEpoch = Integer.parseInt(reason.replaceAll(".*the one after epoch (\\d+),.*", "$1"));
        double bestMrr = measured.stream().mapToDouble(TrainingEvent.SelectionMeasured::value).max().orElseThrow();
        assertThat(measured.get(bestEpoch - 1).value()).as("the kept epoch is the one with the highest MRR").isEqualTo(bestMrr);
        var best = ModelSerializer.restoreComputationGraph(dir.resolve("best.zip").toFile(), false);
        assertThat(run.model().params()).as("the run ends with the model best.zip holds").isEqualTo(best.params());
    }

    @Test
    void theAccuracyReportedIsTheKeptModelsNotTheLastEpochs() throws Exception {
        // Seen on wordnet-links-mlp-1n, 3 epochs: "the model kept is the one after epoch 2, which had the best
        // validation filtered MRR): validation accuracy 3.9 %" -- epoch 3's figure; the model kept scored 6.9 %.
        TrainingSettings s = new TrainingSettings(10, 8, "adagrad", 2.0, 42, 0, 0).withSelectOn("mrr");
        List<TrainingEvent> events = new ArrayList<>();
        TrainingRun run = new TrainingEngine(Runnable::run).start(oneToAll(s), ring(), s, new RunOptions(0, null, "ring"),
                events::add);
        TrainingEvent.RunFinished f = (TrainingEvent.RunFinished) run.outcome();
        int kept = Integer.parseInt(f.reason().replaceAll(".*the one after epoch (\\d+),.*", "$1"));
        var epochs = events.stream().filter(e -> e instanceof TrainingEvent.EpochCompleted)
                .map(e -> (TrainingEvent.EpochCompleted) e).toList();
        assertThat(epochs).hasSize(10);
        assertThat(epochs.get(kept - 1).validationAccuracy()).as("the case this is about: the last epoch scored otherwise")
                .isNotEqualTo(epochs.get(9).validationAccuracy());
        assertThat(f.validationAccuracy()).as("the accuracy of the model the run ends with (epoch %d's)", kept)
                .isEqualTo(epochs.get(kept - 1).validationAccuracy());
    }

    @Test
    void theLastModelStaysWhenNothingIsSelected() throws Exception {
        TrainingSettings s = new TrainingSettings(3, 16, "adagrad", 0.5, 7, 0, 0);
        TrainingRun run = new TrainingEngine(Runnable::run).start(oneToAll(s), ring(), s, new RunOptions(0, null, "ring"),
                e -> { });
        assertThat(((TrainingEvent.RunFinished) run.outcome()).reason()).isEqualTo("all 3 epochs done");
    }

    @Test
    void mrrWithoutAKnowledgeGraphIsRefusedWithTheFix() throws Exception {
        Project p = SmallMarker.project(Map.of("vocabulary", 32, "train", 64, "validation", 32, "seed", 1));
        TrainingSettings s = new TrainingSettings(1, 32, "adam", 1e-3, 42, 0, 0).withSelectOn("mrr");
        var network = new GraphCompiler(BlockCatalog.standard()).compile(p.graph(), CompileOptions.forTraining(s)).orThrow();
        TrainingRun run = new TrainingEngine(Runnable::run).start(network, MarkerDataset.generate(p.dataset()), s,
                RunOptions.defaults("m"), e -> { });
        assertThat(((TrainingEvent.RunFailed) run.outcome()).message())
                .contains("training.selectOn is mrr").contains("select on loss or accuracy");
        assertThat(new TrainingSettings(1, 32, "adam", 1e-3, 42, 0, 0).withSelectOn("f1").validate())
                .containsExactly("training.selectOn must be one of last, loss, accuracy, mrr; got f1");
    }

    @Test
    void aOneToAllGraphOnTriplesReadPerTripleSaysWhichScoringToSet() throws Exception {
        ring();
        var g = new GraphFixture().node("h", "id_input", "count", 20).node("r", "id_input", "count", 4)
                .node("s", "distmult_1n", "dim", 4).node("o", "link_ranking_output")
                .wire("h.out", "s.head").wire("r.out", "s.relation").wire("s.out", "o.in").graph();
        PreparedRun p = PreparedRun.of(BlockCatalog.standard(), g, new DatasetSpec("triples", Map.of("file", "ring.tsv")),
                new TrainingSettings(1, 16, "adagrad", 0.1, 7, 0, 0), dir);
        assertThat(p.problem()).contains("the dataset gives 3 input(s) but the graph has 2")
                .endsWith("set the dataset's \"scoring\" to \"1-n\"");
    }
}
