package dev.deepwire.training;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.CompileResult;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.data.DatasetLoader;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.GraphChecker;
import dev.deepwire.model.Project;
import dev.deepwire.testing.SampleFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file in sample-projects loads, checks, compiles and learns: the loss falls over a few steps. */
class SampleProjectsTrainTest {

    static Stream<Path> samples() throws IOException {
        return SampleFiles.all().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sampleLoadsChecksCompilesAndItsLossFalls(Path file) throws Exception {
        Project p = new ProjectReader().read(file);
        assertThat(new GraphChecker(BlockCatalog.standard()).check(p.graph())).isEmpty();
        CompileResult compiled = new GraphCompiler(BlockCatalog.standard()).compile(p.graph(), CompileOptions.forTraining(p.training()));
        assertThat(compiled.issues()).isEmpty();
        DatasetSplits data = DatasetLoader.load(p.dataset(), file.getParent());
        assertThat(DataBinding.problems(compiled.orThrow(), data.train())).isEmpty();
        // A fixed slice of the training data, seen repeatedly: the loss must go down on it.
        DatasetSplits small = new DatasetSplits(data.train().head(p.training().batchSize() * 4), data.validation().head(64), null);
        List<Double> losses = new ArrayList<>();
        // (selection on a knowledge graph's MRR needs the whole graph: this checks only that the loss falls)
        new TrainingEngine(Runnable::run).start(compiled.orThrow(), small, p.training().withEpochs(8).withSelectOn("last"),
                RunOptions.defaults(p.name()), e -> {
                    if (e instanceof TrainingEvent.StepCompleted s) {
                        losses.add(s.loss());
                    }
                });
        assertThat(losses).hasSize(32);
        double first = losses.subList(0, 4).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double last = losses.subList(28, 32).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        // Binary tasks start near ln 2 and move slowly at the samples' learning rate: ask for a clear 2% drop.
        assertThat(last).as("mean loss of the last epoch vs the first").isLessThan(first * 0.98);
    }
}
