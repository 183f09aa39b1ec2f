package dev.deepwire.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.data.DatasetLoader;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.testing.SmallMarker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The validation split setting holds out that fraction of the training examples for validation, and the
 * learning rate in effect is reported after the first step and after each epoch.
 */
class ValidationSplitTest {

    @Test
    void aQuarterOfTheTrainingExamplesBecomeTheValidationSetAndTheLearningRateIsReported() throws Exception {
        Project p = SmallMarker.project(Map.of("train", 400, "validation", 50));
        TrainingSettings settings = p.training().withEpochs(2).withBatchSize(50).withLearningRate(0.002).withValidationSplit(0.25);
        assertThat(settings.validate()).isEmpty();
        assertThat(p.training().withValidationSplit(0.95).validate()).singleElement().asString().contains("validationSplit");
        CompiledNetwork net = new GraphCompiler(BlockCatalog.standard()).compile(p.graph(), CompileOptions.forTraining(settings)).orThrow();
        DatasetSplits data = DatasetLoader.load(p.dataset(), Path.of("sample-projects"));
        List<TrainingEvent> events = new ArrayList<>();
        new TrainingEngine(Runnable::run).start(net, data, settings, RunOptions.defaults("m"), events::add);
        TrainingEvent.RunStarted started = events.stream().filter(TrainingEvent.RunStarted.class::isInstance)
                .map(TrainingEvent.RunStarted.class::cast).findFirst().orElseThrow();
        assertThat(started.trainExamples()).isEqualTo(300);
        assertThat(started.validationExamples()).isEqualTo(100);
        assertThat(events.stream().filter(TrainingEvent.LearningRate.class::isInstance).map(TrainingEvent.LearningRate.class::cast))
                .extracting(TrainingEvent.LearningRate::step, TrainingEvent.LearningRate::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 0.002), org.assertj.core.groups.Tuple.tuple(6L, 0.002),
                        org.assertj.core.groups.Tuple.tuple(12L, 0.002));
    }
}
