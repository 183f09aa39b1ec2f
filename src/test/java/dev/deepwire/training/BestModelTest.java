package dev.deepwire.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.data.MarkerDataset;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.testing.SmallMarker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BestModelTest {
    @TempDir
    Path dir;

    @Test
    void writesTheLowestLossCopyWithItsOptimizerStateAndLeavesTheModelAsItIs() throws Exception {
        Project p = SmallMarker.project(Map.of("vocabulary", 32, "train", 64, "validation", 32, "seed", 1));
        p.setTraining(new TrainingSettings(1, 32, "adam", 1e-2, 42, 0, 0));
        var network = new GraphCompiler(BlockCatalog.standard()).compile(p.graph(), CompileOptions.forTraining(p.training())).orThrow();
        var batches = MarkerDataset.generate(p.dataset()).train().batches(32, null);
        var model = network.instantiate();
        model.fit(batches.get(0));

        BestModel best = new BestModel(dir.resolve("best.zip"));
        best.offer(model, 0.5, 0.8, 1, 1);
        var bestParams = model.params().dup();
        var bestState = model.getUpdater().getStateViewArray().dup();
        model.fit(batches.get(1));
        best.offer(model, 0.7, 0.9, 2, 2); // worse: not kept
        var nowParams = model.params().dup();
        assertThat(nowParams).isNotEqualTo(bestParams);

        List<TrainingEvent> events = new ArrayList<>();
        best.write(model, events::add);

        var saved = ModelSerializer.restoreComputationGraph(dir.resolve("best.zip").toFile(), true);
        assertThat(saved.params()).isEqualTo(bestParams);
        assertThat(saved.getUpdater().getStateViewArray()).isEqualTo(bestState);
        assertThat(model.params()).as("the run's model is untouched").isEqualTo(nowParams);
        assertThat(events).containsExactly(new TrainingEvent.CheckpointSaved(1, 1, dir.resolve("best.zip")));
    }

    @Test
    void writesNothingWhenNoEpochWasMeasured() {
        List<TrainingEvent> events = new ArrayList<>();
        new BestModel(dir.resolve("best.zip")).write(null, events::add);
        assertThat(dir.resolve("best.zip")).doesNotExist();
        assertThat(events).isEmpty();
    }
}
