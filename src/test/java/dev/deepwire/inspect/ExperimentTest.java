package dev.deepwire.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.deepwire.SmallAttentionNetwork;
import dev.deepwire.data.Dataset;
import dev.deepwire.training.eval.ModelScore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepwire.model.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Interventions measured on a copy: the accuracy with nothing switched off is training's own; a pinned row shows
 * in the maps; "Apply" saves a new run, named so, whose model predicts as the switched-off heads did.
 */
class ExperimentTest {
    @TempDir
    Path dir;

    /** 40 random masked token sequences with random labels of 3 classes. */
    private static Dataset data() {
        Random r = new Random(7);
        double[][] ids = new double[40][5];
        double[][] mask = new double[40][5];
        double[][] labels = new double[40][3];
        for (int e = 0; e < 40; e++) {
            int len = 2 + r.nextInt(4);
            for (int t = 0; t < len; t++) {
                ids[e][t] = 1 + r.nextInt(8);
                mask[e][t] = 1;
            }
            labels[e][r.nextInt(3)] = 1;
        }
        return new Dataset(new INDArray[] {Nd4j.createFromArray(ids)}, new INDArray[] {Nd4j.createFromArray(mask)},
                new INDArray[] {Nd4j.createFromArray(labels)}, List.of("a", "b", "c"));
    }

    @Test
    void theAccuracyWithNothingOffIsTrainingsOwnAndSwitchingOffChangesPredictionsNotTheModel() {
        ComputationGraph net = SmallAttentionNetwork.build(5);
        INDArray before = net.params().dup();
        Dataset data = data();
        Experiment x = new Experiment(new TrainedModel(net), data);
        double own = ModelScore.of(net, data.batches(256, null), "softmax_output").accuracy();
        assertThat(x.accuracy(Intervention.none("attn"))).isEqualTo(own);
        Experiment.Outcome plain = x.outcome(Intervention.none("attn"), data.head(3));
        Experiment.Outcome off = x.outcome(Intervention.headOff("attn", 0, Ablation.MEAN).withHead(1, Ablation.ZERO), data.head(3));
        assertThat(plain.predictions()).hasSize(3).allMatch(p -> List.of("a", "b", "c").contains(p.text()));
        assertThat(off.predictions().get(0).probability()).isNotEqualTo(plain.predictions().get(0).probability());
        assertThat(off.weights()).isDeepEqualTo(plain.weights()); // switching heads off leaves the block's own maps alone
        assertThat(net.params().equals(before)).as("the trained model is unchanged").isTrue();
    }

    /**
     * A model saved without heads was listed in Runs… with "0 steps" and the project's settings as they were at Apply
     * (epochs changed after the run): it records the steps and settings of the run it was kept from, and where that
     * run's record cannot be read (deleted, or edited into nonsense), steps unknown with the reason — never a false 0.
     */
    @Test
    void aModelSavedWithoutHeadsRecordsItsSourceRunsStepsAndSettings() throws Exception {
        ComputationGraph trainedNet = SmallAttentionNetwork.build(5);
        trainedNet.getConfiguration().setIterationCount(840); // as a run's model.zip says
        Experiment x = new Experiment(new TrainedModel(trainedNet), data());
        Intervention iv = Intervention.headOff("attn", 1, Ablation.ZERO);
        Path project = dir.resolve("marker.dwproj");
        TrainingSettings trained = new TrainingSettings(3, 16, "sgd", 0.05, 7, 0, 0, 0.2, "accuracy");
        Path source = dev.deepwire.testing.KeptRuns.run(dir.resolve("runs"), "marker-1", "marker", project.toString(),
                trained, "finished: all epochs done", 840, 0.9, Double.NaN);
        TrainingSettings now = TrainingSettings.defaults().withEpochs(40); // changed in the dock after the run
        Experiment.RunOrigin origin = new Experiment.RunOrigin("marker", project, now, "Self-attention", source);
        Path kept = x.saveWithoutHeads(iv, dir.resolve("runs"), origin).getParent();
        dev.deepwire.ui.training.RunHistory.Run run = dev.deepwire.ui.training.RunHistory.read(kept);
        assertThat(run.steps()).isEqualTo(840);
        assertThat(run.toString()).contains("840 steps").contains("sgd 0.05, batch 16, seed 7");
        assertThat(dev.deepwire.ui.training.RunHistory.settings(kept, now)).isEqualTo(trained);
        assertThat(run.doubt()).isEmpty();
        // the saved model itself says so too: the inspector had shown it at "step 0" (a clone's count)
        assertThat(TrainedModel.load(kept.resolve("model.zip")).trainedSteps()).isEqualTo(840);

        Files.delete(source.resolve("run.json")); // the source's record gone before Apply (or a paused run: none yet)
        Path counted = x.saveWithoutHeads(iv, dir.resolve("runs"), origin).getParent();
        assertThat(dev.deepwire.ui.training.RunHistory.read(counted).steps()).as("the model's own count").isEqualTo(840);
        // a model that does not count its steps (one saved by an earlier DeepWire) and no record: unknown, with why
        Experiment uncounted = new Experiment(new TrainedModel(SmallAttentionNetwork.build(5)), data());
        Path orphan = uncounted.saveWithoutHeads(iv, dir.resolve("runs"), origin).getParent();
        dev.deepwire.ui.training.RunHistory.Run unknown = dev.deepwire.ui.training.RunHistory.read(orphan);
        assertThat(unknown.steps()).isEqualTo(-1);
        assertThat(unknown.toString()).contains("steps unknown").doesNotContain("0 steps");
        assertThat(unknown.doubt()).contains("kept from the run marker-1").contains("no run.json");

        Files.writeString(source.resolve("run.json"), "{\"project\": \"marker\", \"steps\": -40}"); // edited
        Path edited = uncounted.saveWithoutHeads(iv, dir.resolve("runs"), origin).getParent();
        assertThat(dev.deepwire.ui.training.RunHistory.read(edited).toString()).contains("steps unknown");
        assertThat(dev.deepwire.ui.training.RunHistory.read(edited).doubt()).contains("steps -40 is not a count");
    }

    @Test
    void aPinnedRowShowsInTheMapsOfItsExampleOnly() {
        Experiment x = new Experiment(new TrainedModel(SmallAttentionNetwork.build(5)), data());
        Experiment.Outcome o = x.outcome(Intervention.none("attn").withPin(Intervention.Pin.onto(1, 0, 0, 1, 5)), data().head(3));
        assertThat(o.weights()[1][0][0]).containsExactly(0f, 1f, 0f, 0f, 0f);
        assertThat(o.weights()[0][0][0][1]).isNotEqualTo(1f);
    }

    @Test
    void applySavesANewRunNamedForTheRemovedHeadsThatPredictsAsSwitchingThemOff() throws Exception {
        ComputationGraph net = SmallAttentionNetwork.build(5);
        Dataset data = data();
        Experiment x = new Experiment(new TrainedModel(net), data);
        Intervention iv = Intervention.headOff("attn", 1, Ablation.ZERO);
        Path project = dir.resolve("marker.dwproj");
        Path source = dev.deepwire.testing.KeptRuns.run(dir.resolve("runs"), "marker-1", "marker", project.toString(),
                TrainingSettings.defaults().withEpochs(3), "finished: all epochs done", 840, 0.9, Double.NaN);
        Experiment.RunOrigin origin = new Experiment.RunOrigin("marker", project, TrainingSettings.defaults(), "Self-attention",
                source);
        Path saved = x.saveWithoutHeads(iv, origin.folder(dir.resolve("elsewhere")), origin);
        assertThat(saved.getParent().getParent()).as("kept beside its source run").isEqualTo(dir.resolve("runs"));
        assertThat(saved.getParent().getFileName().toString()).startsWith("marker without attn head 1-");
        assertThat(Files.readString(saved.resolveSibling("intervention.txt")))
                .contains("head 1 of 'Self-attention' removed").contains("rows of Wo set to 0");
        // a run of the project as Runs… reads it: its record names the project's file and the accuracy without the head
        JsonNode run = new ObjectMapper().readTree(saved.resolveSibling("run.json").toFile());
        assertThat(run.path("project").asText()).isEqualTo("marker");
        assertThat(run.path("projectFile").asText()).isEqualTo(project.toAbsolutePath().normalize().toString());
        assertThat(run.path("outcome").asText()).isEqualTo("head 1 of 'Self-attention' removed");
        assertThat(run.path("validationAccuracy").asDouble()).isEqualTo(x.accuracy(iv));
        assertThat(dev.deepwire.ui.training.RunHistory.ofProject(List.of(dir.resolve("runs")), "marker", project))
                .extracting(r -> r.dir().getFileName().toString())
                .containsExactlyInAnyOrder(saved.getParent().getFileName().toString(), "marker-1");
        TrainedModel reloaded = TrainedModel.load(saved);
        INDArray removed = reloaded.network().output(false, data.features(), data.featureMasks())[0];
        INDArray switchedOff = AttentionForward.run(net, data.features(), data.featureMasks(), iv, null).outputs()[0];
        assertThat(removed.sub(switchedOff).amaxNumber().doubleValue()).isLessThan(1e-12);
        assertThatThrownBy(() -> x.saveWithoutHeads(Intervention.headOff("attn", 1, Ablation.MEAN), dir.resolve("runs"), origin))
                .hasMessageContaining("only heads switched off with 'zero' can be saved");
        try (var runs = Files.list(dir.resolve("runs"))) {
            assertThat(runs.count()).as("a refused save leaves no folder").isEqualTo(2);
        }
    }
}
